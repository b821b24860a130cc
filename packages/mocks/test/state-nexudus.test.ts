// Nexudus' state without Prism: PUT applies fields and member changes and reads back, create and
// delete, the list envelope's paging numbers, filters and sorting, reset and separate instances,
// and every answer is what the spec documents for its operation and status.
import { describe, expect, it } from 'vitest';
import { AnswerLog, answer, loadSpec, newState, request, responseChecker } from './state-support.js';

const spec = loadSpec('nexudus');
const FRONT_DESK = 87654321; // the spec's FrontDeskRoom
const EVENTS = 87654322; // the list example's second room
const basic = { authorization: `Basic ${Buffer.from('qa@example.com:secret').toString('base64')}` };
const ids = (page: { Records: { Id: number }[] }) => page.Records.map((room) => room.Id);

describe('nexudus state', () => {
  it('starts from the spec examples; GET has the members, the list leaves them out', () => {
    const state = newState('nexudus', spec);
    const room = answer(state, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } }));
    expect(room.status).toBe(200);
    expect(room.body).toMatchObject({ Id: FRONT_DESK, Name: 'Front desk', Users: [1029384, 1029391] });
    expect(answer(state, request(spec, 'getChatRoom', { path: { id: String(EVENTS) } })).body).toMatchObject({ Id: EVENTS, Name: 'Community events', Users: [] });

    const page = answer(state, request(spec, 'listChatRooms')).body;
    expect(ids(page)).toEqual([FRONT_DESK, EVENTS]);
    expect(page.Records[0]).not.toHaveProperty('Users');
    expect(page).toMatchObject({ CurrentPage: 1, CurrentPageSize: 25, FirstItem: 1, LastItem: 2, TotalItems: 2, TotalPages: 1, HasNextPage: false, HasPreviousPage: false });
  });

  it('answers the id asked for, and the 404 envelope for an unknown one', () => {
    const state = newState('nexudus', spec);
    expect(answer(state, request(spec, 'getChatRoom', { path: { id: String(EVENTS) } })).body.Id).toBe(EVENTS);
    expect(answer(state, request(spec, 'getChatRoom', { path: { id: '1' } }))).toMatchObject({ status: 404, body: { Status: 404, WasSuccessful: false } });
  });

  it('PUT sets the fields given, applies AddedUsers and RemovedUsers, ignores base fields, and reads back', () => {
    const state = newState('nexudus', spec);
    const before = answer(state, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } })).body;
    const put = answer(
      state,
      request(spec, 'updateChatRoom', {
        headers: basic,
        body: { Id: FRONT_DESK, BusinessId: 12345678, Name: 'Reception', AddedUsers: [555, 1029384], RemovedUsers: [1029391], UniqueId: '00000000-0000-4000-8000-000000000000', CreatedOn: '2000-01-01T00:00:00Z' },
      }),
    );
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ Status: 200, Message: 'ChatRoom was successfully updated.', Value: { Id: FRONT_DESK }, WasSuccessful: true, Errors: null, UpdatedBy: 'qa@example.com' });

    const after = answer(state, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } })).body;
    expect(after).toMatchObject({ Name: 'Reception', Active: true, Users: [1029384, 555], UniqueId: before.UniqueId, CreatedOn: before.CreatedOn, UpdatedBy: 'qa@example.com' });
    expect(after.UpdatedOn).toBe(put.body.UpdatedOn);
    expect(Date.parse(after.UpdatedOn)).toBeGreaterThan(Date.parse(before.UpdatedOn));

    // `Users` replaces the list, then the changes apply.
    answer(state, request(spec, 'updateChatRoom', { body: { Id: FRONT_DESK, BusinessId: 12345678, Users: [1, 2, 3], AddedUsers: [4], RemovedUsers: [2] } }));
    expect(answer(state, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } })).body.Users).toEqual([1, 3, 4]);
    // The room read with GET goes back unchanged.
    const read = answer(state, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } })).body;
    answer(state, request(spec, 'updateChatRoom', { body: read }));
    expect(answer(state, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } })).body).toMatchObject({ ...read, UpdatedOn: expect.any(String) });
    // The documentation's minimal example keeps the room's business.
    answer(state, request(spec, 'updateChatRoom', { body: { BusinessId: 0, Id: FRONT_DESK } }));
    expect(answer(state, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } })).body.BusinessId).toBe(12345678);
    // The list shows the change too.
    expect(answer(state, request(spec, 'listChatRooms', { query: 'ChatRoom_Name=recep' })).body.Records[0].Name).toBe('Reception');
  });

  it('PUT of an unknown Id or an unreadable date changes nothing', () => {
    const state = newState('nexudus', spec);
    expect(answer(state, request(spec, 'updateChatRoom', { body: { Id: 5, BusinessId: 1 } }))).toMatchObject({ status: 404, body: { WasSuccessful: false } });
    const bad = answer(state, request(spec, 'updateChatRoom', { body: { Id: FRONT_DESK, BusinessId: 12345678, Name: 'X', LastAgentVisit: 'yesterday' } }));
    expect(bad).toMatchObject({ status: 400, body: { WasSuccessful: false, Errors: [{ PropertyName: 'LastAgentVisit', AttemptedValue: 'yesterday' }] } });
    expect(answer(state, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } })).body.Name).toBe('Front desk');
    const zoneless = answer(state, request(spec, 'updateChatRoom', { body: { Id: FRONT_DESK, BusinessId: 12345678, LastAgentVisit: '2025-02-01T08:30' } }));
    expect(zoneless.status).toBe(200);
    expect(answer(state, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } })).body.LastAgentVisit).toBe('2025-02-01T08:30:00Z');
  });

  it('create answers 200 with the new Id, which GET and the list show; delete removes it', () => {
    const state = newState('nexudus', spec);
    const created = answer(state, request(spec, 'createChatRoom', { body: { BusinessId: 12345678, Name: 'Lobby', Active: true, Users: [7], AddedUsers: [8] } }));
    expect(created).toMatchObject({ status: 200, body: { Status: 200, Message: 'ChatRoom was successfully created.', WasSuccessful: true } });
    const id = created.body.Value.Id;
    expect(id).toBe(EVENTS + 1);
    const room = answer(state, request(spec, 'getChatRoom', { path: { id: String(id) } })).body;
    expect(room).toMatchObject({ Id: id, BusinessId: 12345678, Name: 'Lobby', Active: true, Users: [7, 8], IsNew: true });
    expect(room.UniqueId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer(state, request(spec, 'listChatRooms')).body.TotalItems).toBe(3);
    expect(answer(state, request(spec, 'createChatRoom', { body: { BusinessId: 0 } }))).toMatchObject({ status: 400, body: { Errors: [{ PropertyName: 'BusinessId' }] } });

    const deleted = answer(state, request(spec, 'deleteChatRoom', { path: { id: String(id) } }));
    expect(deleted).toMatchObject({ status: 200, body: { Message: 'ChatRoom was successfully deleted.', WasSuccessful: true } });
    expect(answer(state, request(spec, 'getChatRoom', { path: { id: String(id) } })).status).toBe(404);
    expect(answer(state, request(spec, 'deleteChatRoom', { path: { id: String(id) } })).status).toBe(404);
    expect(answer(state, request(spec, 'listChatRooms')).body.TotalItems).toBe(2);
  });

  it('pages with page and size: the envelope numbers agree and the last page ends', () => {
    const state = newState('nexudus', spec);
    for (let i = 0; i < 10; i++) answer(state, request(spec, 'createChatRoom', { body: { BusinessId: 12345678, Name: `Room ${i}` } }));
    const list = (query: string) => answer(state, request(spec, 'listChatRooms', { query })).body;
    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const body = list(`page=${page}&size=5`);
      expect(body).toMatchObject({ CurrentPage: page, CurrentPageSize: 5, TotalItems: 12, TotalPages: 3, HasPreviousPage: page > 1 });
      expect(body.FirstItem).toBe((page - 1) * 5 + 1);
      expect(body.LastItem).toBe(body.FirstItem + body.Records.length - 1);
      seen.push(...ids(body));
      if (!body.HasNextPage) break;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(list('page=4&size=5')).toMatchObject({ Records: [], FirstItem: 0, LastItem: 0, HasNextPage: false, HasPreviousPage: true });
  });

  it('filters and sorts as the list documents', () => {
    const state = newState('nexudus', spec);
    answer(state, request(spec, 'createChatRoom', { body: { BusinessId: 999, Name: 'Annex desk', Active: true, Users: [1029384] } }));
    const list = (query: string) => ids(answer(state, request(spec, 'listChatRooms', { query })).body);
    expect(list('ChatRoom_Active=true')).toEqual([FRONT_DESK, EVENTS + 1]);
    expect(list('ChatRoom_Active=false')).toEqual([EVENTS]);
    expect(list('ChatRoom_Business=999')).toEqual([EVENTS + 1]);
    expect(list('ChatRoom_Name=desk')).toEqual([FRONT_DESK, EVENTS + 1]);
    expect(list('ChatRoom_Users=1029384')).toEqual([FRONT_DESK, EVENTS + 1]);
    expect(list('ChatRoom_LastAgentVisit=2025-01-15T09:12')).toEqual([FRONT_DESK]);
    expect(list('from_ChatRoom_CreatedOn=2024-11-15T00:00&to_ChatRoom_CreatedOn=2024-12-31T00:00')).toEqual([EVENTS]);
    expect(list('orderBy=Name&dir=0')).toEqual([EVENTS + 1, EVENTS, FRONT_DESK]);
    expect(list('orderBy=Name&dir=1')).toEqual([FRONT_DESK, EVENTS, EVENTS + 1]);
    const echoed = answer(state, request(spec, 'listChatRooms', { query: 'orderBy=Name&dir=1' })).body;
    expect(echoed).toMatchObject({ CurrentOrderField: 'Name', CurrentSortDirection: 1 });
  });

  it('reset restores the examples, and two instances do not share state', () => {
    const a = newState('nexudus', spec);
    const b = newState('nexudus', spec);
    answer(a, request(spec, 'updateChatRoom', { body: { Id: FRONT_DESK, BusinessId: 12345678, RemovedUsers: [1029384] } }));
    answer(a, request(spec, 'deleteChatRoom', { path: { id: String(EVENTS) } }));
    expect(answer(b, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } })).body.Users).toEqual([1029384, 1029391]);
    expect(answer(b, request(spec, 'getChatRoom', { path: { id: String(EVENTS) } })).status).toBe(200);
    a.reset();
    expect(answer(a, request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } })).body.Users).toEqual([1029384, 1029391]);
    expect(answer(a, request(spec, 'listChatRooms')).body.TotalItems).toBe(2);
  });

  it('leaves the token endpoint to Prism', () => {
    const state = newState('nexudus', spec);
    expect(state.answer(request(spec, 'requestToken', { body: { grant_type: 'password', username: 'a', password: 'b' } }))).toBeUndefined();
  });

  it('answers only what the spec documents for each operation and status', () => {
    const log = new AnswerLog(newState('nexudus', spec));
    log.call(request(spec, 'listChatRooms', { query: 'page=1&size=1&orderBy=Name&dir=-1' }));
    const created = log.call(request(spec, 'createChatRoom', { headers: basic, body: { BusinessId: 12345678 } }));
    log.call(request(spec, 'createChatRoom', { body: { BusinessId: 12345678, Name: 'Lobby', Active: true, LastAgentVisit: '2025-01-01T10:00:00Z', Users: [1], AddedUsers: [2], RemovedUsers: [1], SystemId: 'crm-1' } }));
    log.call(request(spec, 'createChatRoom', { body: { BusinessId: 12345678, LastAgentVisit: 'soon' } }));
    log.call(request(spec, 'getChatRoom', { path: { id: String(created.body.Value.Id) } }));
    log.call(request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } }));
    log.call(request(spec, 'getChatRoom', { path: { id: '42' } }));
    log.call(request(spec, 'updateChatRoom', { body: { Id: FRONT_DESK, BusinessId: 12345678, Name: null, LastAgentVisit: null, AddedUsers: [9] } }));
    log.call(request(spec, 'updateChatRoom', { body: { Id: 42, BusinessId: 12345678 } }));
    log.call(request(spec, 'updateChatRoom', { body: { Id: FRONT_DESK, BusinessId: 12345678, LastAgentVisit: 'x' } }));
    log.call(request(spec, 'getChatRoom', { path: { id: String(FRONT_DESK) } }));
    log.call(request(spec, 'deleteChatRoom', { path: { id: String(EVENTS) } }));
    log.call(request(spec, 'deleteChatRoom', { path: { id: String(EVENTS) } }));
    log.call(request(spec, 'listChatRooms', { query: 'page=3&size=1' }));

    const check = responseChecker(spec);
    const statuses = new Set(log.entries.map(({ operationId, answer }) => `${operationId} ${answer.status}`));
    for (const expected of ['getChatRoom 404', 'updateChatRoom 400', 'updateChatRoom 404', 'createChatRoom 400', 'deleteChatRoom 404']) expect(statuses).toContain(expected);
    expect(log.entries.flatMap(({ operationId, answer }) => check(operationId, answer))).toEqual([]);
    expect(check('getChatRoom', { status: 200, body: { Id: 0, BusinessId: 1 } })).not.toEqual([]);
  });
});
