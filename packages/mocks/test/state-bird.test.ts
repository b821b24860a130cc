// Bird's state without Prism: PATCH reads back by id and by contact, add answers 201 or 200,
// delete 204 then 404, the list pages with limit and pageToken, reset and separate instances, and
// every answer is what the spec documents for its operation and status.
import { describe, expect, it } from 'vitest';
import { AnswerLog, answer, loadSpec, newState, request, responseChecker } from './state-support.js';

const spec = loadSpec('bird');
const conversation = { workspaceId: 'b4e02c85-c6d2-4b15-8885-e09671799c61', conversationId: '67e4d358-ca94-421e-98b7-448860df9d33' };
const USER = 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf'; // the spec's UserParticipant
const INVITED = '274bd6ff-3295-49a0-a02d-651fb661d7fb'; // the spec's InvitedContact
const CONTACT = '3954d22c-6a7e-4a3b-9f0e-2b8d6e1c5a47'; // the list example's contact
const ACCESS_KEY = '68b80b8d-0c6f-4c1e-8a57-3f0b9d2e7c14';
const one = (id: string) => ({ ...conversation, conversationParticipantId: id });
const ids = (page: { results: { id: string }[] }) => page.results.map((p) => p.id);

describe('bird state', () => {
  it('starts from the spec examples of the conversation', () => {
    const state = newState('bird', spec);
    const page = answer(state, request(spec, 'listConversationParticipants', { path: conversation })).body;
    expect(ids(page)).toEqual([CONTACT, ACCESS_KEY, USER, INVITED]);
    expect(page).toMatchObject({ total: 4, totalType: '' });
    expect(page).not.toHaveProperty('nextPageToken');
    const user = answer(state, request(spec, 'getConversationParticipant', { path: one(USER) }));
    expect(user.status).toBe(200);
    expect(user.body).toMatchObject({ id: USER, type: 'user', displayName: 'John Doe' });
  });

  it('answers the id asked for, and the documented 404 for an unknown one', () => {
    const state = newState('bird', spec);
    expect(answer(state, request(spec, 'getConversationParticipant', { path: one(INVITED) })).body.id).toBe(INVITED);
    const missing = answer(state, request(spec, 'getConversationParticipant', { path: one('nobody') }));
    expect(missing).toMatchObject({ status: 404, body: { code: 'ResourceNotFound' } });
    const elsewhere = { ...conversation, conversationId: '00000000-0000-4000-8000-000000000000' };
    expect(answer(state, request(spec, 'getConversationParticipant', { path: { ...elsewhere, conversationParticipantId: USER } })).status).toBe(404);
    expect(answer(state, request(spec, 'listConversationParticipants', { path: elsewhere })).body).toEqual({ results: [], total: 0, totalType: '' });
  });

  it('gets a contact participant by its channel identifier', () => {
    const state = newState('bird', spec);
    const byPhone = answer(state, request(spec, 'getConversationParticipantByContact', { path: { ...conversation, identifierKey: 'phonenumber', identifierValue: '+31612345678' } }));
    expect(byPhone.body.id).toBe(INVITED);
    // The user has the same email as the contact: by contact finds the contact.
    const byEmail = answer(state, request(spec, 'getConversationParticipantByContact', { path: { ...conversation, identifierKey: 'emailaddress', identifierValue: 'john.doe@example.com' } }));
    expect(byEmail.body.id).toBe(CONTACT);
    const unknown = answer(state, request(spec, 'getConversationParticipantByContact', { path: { ...conversation, identifierKey: 'phonenumber', identifierValue: '+3100' } }));
    expect(unknown.status).toBe(404);
  });

  it('PATCH sets the status and updatedAt, by id and by contact, and reads back', () => {
    const state = newState('bird', spec);
    const before = answer(state, request(spec, 'getConversationParticipant', { path: one(INVITED) })).body;
    const patched = answer(state, request(spec, 'updateConversationParticipant', { path: one(INVITED), body: { status: 'active' } }));
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: INVITED, status: 'active' });
    expect(Date.parse(patched.body.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(patched.body.createdAt).toBe(before.createdAt);
    expect(answer(state, request(spec, 'getConversationParticipant', { path: one(INVITED) })).body).toEqual(patched.body);

    const byContact = { ...conversation, identifierKey: 'phonenumber', identifierValue: '+31612345678' };
    const pending = answer(state, request(spec, 'updateConversationParticipantByContact', { path: byContact, body: { status: 'pending' } }));
    expect(pending.body).toMatchObject({ id: INVITED, status: 'pending' });
    expect(answer(state, request(spec, 'getConversationParticipant', { path: one(INVITED) })).body.status).toBe('pending');
    // A null status changes nothing.
    expect(answer(state, request(spec, 'updateConversationParticipant', { path: one(INVITED), body: { status: null } })).body).toEqual(pending.body);
    expect(answer(state, request(spec, 'updateConversationParticipant', { path: one('nobody'), body: { status: 'active' } })).status).toBe(404);
  });

  it('add answers 201 with a new participant, 200 with the one already there', () => {
    const state = newState('bird', spec);
    const add = (body: unknown) => answer(state, request(spec, 'addConversationParticipant', { path: conversation, body }));
    const existing = add({ type: 'contact', contact: { identifierKey: 'emailaddress', identifierValue: 'john.doe@example.com' } });
    expect(existing).toMatchObject({ status: 200, body: { id: CONTACT } });
    expect(add({ id: USER, type: 'user' })).toMatchObject({ status: 200, body: { id: USER } });

    const created = add({ type: 'contact', contact: { identifierKey: 'emailaddress', identifierValue: 'jane@example.com' }, status: 'invited' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'contact', status: 'invited', contact: { identifierKey: 'emailaddress', identifierValue: 'jane@example.com' }, conversationId: conversation.conversationId });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const flow = add({ id: 'flow-1', type: 'flow' });
    expect(flow).toMatchObject({ status: 201, body: { id: 'flow-1', type: 'flow', status: 'active' } });
    // The same contact again finds it.
    expect(add({ type: 'contact', contact: { identifierKey: 'emailaddress', identifierValue: 'jane@example.com' } })).toMatchObject({ status: 200, body: { id: created.body.id } });

    const page = answer(state, request(spec, 'listConversationParticipants', { path: conversation })).body;
    expect(page.total).toBe(6);
    expect(ids(page).slice(-2)).toEqual([created.body.id, 'flow-1']);
    expect(answer(state, request(spec, 'getConversationParticipant', { path: one(created.body.id) })).body).toEqual(created.body);
  });

  it('delete answers 204, then the participant is gone and a second delete is 404', () => {
    const state = newState('bird', spec);
    expect(answer(state, request(spec, 'deleteConversationParticipant', { path: one(ACCESS_KEY) }))).toEqual({ status: 204 });
    expect(answer(state, request(spec, 'getConversationParticipant', { path: one(ACCESS_KEY) })).status).toBe(404);
    expect(ids(answer(state, request(spec, 'listConversationParticipants', { path: conversation })).body)).toEqual([CONTACT, USER, INVITED]);
    expect(answer(state, request(spec, 'deleteConversationParticipant', { path: one(ACCESS_KEY) }))).toMatchObject({ status: 404, body: { code: 'ResourceNotFound' } });
  });

  it('pages with limit and pageToken: stable tokens, total, and no nextPageToken on the last page', () => {
    const state = newState('bird', spec);
    for (let i = 0; i < 21; i++) answer(state, request(spec, 'addConversationParticipant', { path: conversation, body: { id: `user-${i}`, type: 'user' } }));
    const list = (query: Record<string, string> = {}) => answer(state, request(spec, 'listConversationParticipants', { path: conversation, query })).body;

    const first = list();
    expect(first.results).toHaveLength(10); // the spec's default limit
    expect(first.total).toBe(25);
    expect(list().nextPageToken).toBe(first.nextPageToken); // the same place, the same token

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = list({ limit: '7', ...(token ? { pageToken: token } : {}) });
      expect(page.total).toBe(25);
      seen.push(...ids(page));
      token = page.nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);

    // Exactly one full last page: no token after it.
    expect(list({ limit: '25' })).not.toHaveProperty('nextPageToken');
    // reverse lists newest first, and pages the same way.
    const reversed = list({ reverse: 'true', limit: '5' });
    expect(ids(reversed)[0]).toBe('user-20');
    expect(ids(list({ reverse: 'true', limit: '5', pageToken: reversed.nextPageToken }))[0]).toBe('user-15');
    // A token issued before someone on an earlier page leaves still goes on from the same place.
    const issued = list({ limit: '5' }).nextPageToken;
    const second = ids(list({ limit: '5', pageToken: issued }));
    answer(state, request(spec, 'deleteConversationParticipant', { path: one(CONTACT) }));
    expect(ids(list({ limit: '5', pageToken: issued }))).toEqual(second);
    // A token this mock did not issue ends the list.
    expect(list({ pageToken: 'WyJub3QtYS10b2tlbiJd' })).toMatchObject({ results: [], total: 24 });
  });

  it('reset restores the examples, and two instances do not share state', () => {
    const a = newState('bird', spec);
    const b = newState('bird', spec);
    answer(a, request(spec, 'updateConversationParticipant', { path: one(USER), body: { status: 'pending' } }));
    answer(a, request(spec, 'deleteConversationParticipant', { path: one(INVITED) }));
    expect(answer(b, request(spec, 'getConversationParticipant', { path: one(USER) })).body.status).toBe('active');
    expect(answer(b, request(spec, 'getConversationParticipant', { path: one(INVITED) })).status).toBe(200);
    a.reset();
    expect(answer(a, request(spec, 'getConversationParticipant', { path: one(USER) })).body.status).toBe('active');
    expect(answer(a, request(spec, 'listConversationParticipants', { path: conversation })).body.total).toBe(4);
  });

  it('answers only what the spec documents for each operation and status', () => {
    const log = new AnswerLog(newState('bird', spec));
    const byContact = { ...conversation, identifierKey: 'phonenumber', identifierValue: '+31612345678' };
    log.call(request(spec, 'listConversationParticipants', { path: conversation, query: { limit: '2' } }));
    log.call(request(spec, 'addConversationParticipant', { path: conversation, body: { type: 'contact', contact: { identifierKey: 'emailaddress', identifierValue: 'john.doe@example.com' } } }));
    log.call(request(spec, 'addConversationParticipant', { path: conversation, body: { type: 'contact', contact: { identifierKey: 'emailaddress', identifierValue: 'new@example.com' } } }));
    log.call(request(spec, 'addConversationParticipant', { path: conversation, body: { id: '807812e4-da34-4759-95b3-244ab8e29788', type: 'user', status: 'active' } }));
    log.call(request(spec, 'addConversationParticipant', { path: conversation, body: { id: '274bd6ff-0000-49a0-a02d-651fb661d7fb', type: 'contact', status: 'invited' } }));
    log.call(request(spec, 'getConversationParticipant', { path: one(USER) }));
    log.call(request(spec, 'getConversationParticipant', { path: one('nobody') }));
    log.call(request(spec, 'getConversationParticipantByContact', { path: byContact }));
    log.call(request(spec, 'getConversationParticipantByContact', { path: { ...byContact, identifierValue: '+1' } }));
    log.call(request(spec, 'updateConversationParticipant', { path: one(ACCESS_KEY), body: { status: 'pending' } }));
    log.call(request(spec, 'updateConversationParticipant', { path: one('nobody'), body: { status: 'pending' } }));
    log.call(request(spec, 'updateConversationParticipantByContact', { path: byContact, body: { status: 'active' } }));
    log.call(request(spec, 'updateConversationParticipantByContact', { path: { ...byContact, identifierValue: '+1' }, body: { status: 'active' } }));
    log.call(request(spec, 'deleteConversationParticipant', { path: one(USER) }));
    log.call(request(spec, 'deleteConversationParticipant', { path: one(USER) }));
    const first = log.call(request(spec, 'listConversationParticipants', { path: conversation, query: { limit: '3' } }));
    log.call(request(spec, 'listConversationParticipants', { path: conversation, query: { limit: '3', pageToken: first.body.nextPageToken, reverse: 'true' } }));

    const check = responseChecker(spec);
    const statuses = new Set(log.entries.map(({ operationId, answer }) => `${operationId} ${answer.status}`));
    for (const expected of ['addConversationParticipant 200', 'addConversationParticipant 201', 'deleteConversationParticipant 204', 'deleteConversationParticipant 404', 'getConversationParticipantByContact 404']) {
      expect(statuses).toContain(expected);
    }
    expect(log.entries.flatMap(({ operationId, answer }) => check(operationId, answer))).toEqual([]);
    expect(check('getConversationParticipant', { status: 200, body: { id: '', type: 'robot' } })).not.toEqual([]);
  });
});
