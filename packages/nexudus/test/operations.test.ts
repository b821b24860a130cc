// Nexudus' client against Prism serving specs/nexudus/openapi.yaml with request validation on.
import { ParleyError } from '@parley/runtime';
import { errorExamples, pathExample, requestExample, responseExample } from '@parley/testkit/fixtures';
import { prefer } from '@parley/testkit/prefer';
import { describe, expect, inject, it } from 'vitest';
import {
  createChatRoom,
  createNexudusClient,
  deleteChatRoom,
  getChatRoom,
  listChatRooms,
  updateChatRoom,
  type CommandResult,
  type CreateChatRoomBody,
  type DeleteChatRoomPath,
  type GetChatRoomPath,
  type UpdateChatRoomBody,
} from '../src/index.js';

const baseUrl = inject('prismUrl');
const client = createNexudusClient({ token: 'test-token', baseUrl, retry: false });
// From the spec's examples: room 87654321 of business 12345678, "Front desk", adding user 1029384.
const addMember = requestExample<UpdateChatRoomBody>('nexudus', 'updateChatRoom', 'addMember');
const { AddedUsers: _added, ...room } = addMember;
const path = pathExample<GetChatRoomPath>('nexudus', 'getChatRoom');
// Error bodies are a union (the envelope, or the 401 `{Message}`); these tests know which one came.
const envelope = (body: unknown) => body as CommandResult;

describe('updateChatRoom (PUT)', () => {
  it('returns the success envelope', async () => {
    const { data, error, response } = await updateChatRoom(client, { body: addMember });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ WasSuccessful: true, Message: 'ChatRoom was successfully updated.', Value: { Id: 87654321 } });
    expect(data?.Errors).toBeNull();
  });

  it('turns a 200 whose envelope says it failed into an error', async () => {
    const { data, error, response } = await updateChatRoom(client, { body: room }, { headers: prefer({ example: 'notUpdated' }) });
    expect(response.status).toBe(200);
    expect(data).toBeUndefined();
    expect(envelope(error).WasSuccessful).toBe(false);
    expect(envelope(error).Errors?.[0]).toMatchObject({ PropertyName: 'Users', AttemptedValue: 1029384 });
  });

  it('gives the validation envelope for 400', async () => {
    const { data, error, response } = await updateChatRoom(client, { body: room }, { headers: prefer({ code: 400 }) });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ WasSuccessful: false, Value: null, Message: 'Name: is a required field' });
    expect(envelope(error).Errors?.[0]).toEqual({ AttemptedValue: null, Message: 'is a required field', PropertyName: 'Name' });
  });

  it('is rejected by the mock without the required BusinessId', async () => {
    const bad = { Id: 87654321 } as unknown as typeof room;
    const { error, response } = await updateChatRoom(client, { body: bad });
    expect(response.status).toBe(400);
    expect(envelope(error).WasSuccessful).toBe(false);
  });

  it('gives 404 with the envelope for an unknown room', async () => {
    const { error, response } = await updateChatRoom(client, { body: room }, { headers: prefer({ code: 404 }) });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ Status: 404, WasSuccessful: false });
  });

  it('gives the 409 throttle with Retry-After and an empty body', async () => {
    const { data, error, response } = await updateChatRoom(client, { body: room }, { headers: prefer({ code: 409 }) });
    expect(response.status).toBe(409);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(data).toBeUndefined();
    expect(error).toBeUndefined(); // openapi-fetch leaves an empty error body undefined
  });

  it('reports a wrong token as the 401 body', async () => {
    const { error, response } = await updateChatRoom(client, { body: room }, { headers: prefer({ code: 401 }) });
    expect(response.status).toBe(401);
    expect(error).toEqual({ Message: 'Authorization has been denied for this request.' });
  });
});

describe('getChatRoom (GET)', () => {
  it('returns the room with its members', async () => {
    const { data, response } = await getChatRoom(client, { path });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ Id: 87654321, BusinessId: 12345678, Name: 'Front desk', Active: true });
    expect(data?.Users).toEqual([1029384, 1029391]);
  });

  it.each([[401], [404]])('gives the documented body for %i', async (status) => {
    const { error, response } = await getChatRoom(client, { path }, { headers: prefer({ code: status }) });
    expect(response.status).toBe(status);
    expect(error?.Message).toEqual(expect.any(String));
  });

  it('gives the 409 throttle', async () => {
    const { response } = await getChatRoom(client, { path }, { headers: prefer({ code: 409 }) });
    expect(response.status).toBe(409);
    expect(response.headers.get('retry-after')).toBe('1');
  });
});

describe('listChatRooms (GET)', () => {
  it('returns a page of rooms in the list envelope', async () => {
    const { data, response } = await listChatRooms(client, { query: { page: 1, size: 25, orderBy: 'Name', dir: 0 } });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe('?page=1&size=25&orderBy=Name&dir=0');
    expect(data).toMatchObject({ CurrentPage: 1, TotalItems: 2, HasNextPage: false });
    expect(data?.Records?.map((r) => r.Name)).toEqual(['Front desk', 'Community events']);
  });

  it('is rejected by the mock when page is not positive', async () => {
    const { response } = await listChatRooms(client, { query: { page: 0 } });
    expect(response.status).toBe(422);
  });

  it('gives the 401 body and the 409 throttle', async () => {
    const unauthorized = await listChatRooms(client, {}, { headers: prefer({ code: 401 }) });
    expect(unauthorized.response.status).toBe(401);
    expect(unauthorized.error?.Message).toMatch(/denied/);
    const throttled = await listChatRooms(client, {}, { headers: prefer({ code: 409 }) });
    expect(throttled.response.status).toBe(409);
  });
});

describe('credentials', () => {
  const spyOn = (options: Parameters<typeof createNexudusClient>[0]) => {
    const sent: (string | null)[] = [];
    const spy = createNexudusClient({
      ...options,
      baseUrl,
      fetch: async (request) => {
        sent.push(request.headers.get('authorization'));
        return fetch(request);
      },
    });
    return { spy, sent };
  };

  it('sends a bearer token', async () => {
    const { spy, sent } = spyOn({ token: 'spy-token' });
    const { response } = await getChatRoom(spy, { path: { id: 1 } });
    expect(response.status).toBe(200);
    expect(sent).toEqual(['Bearer spy-token']);
  });

  it('sends basic credentials, UTF-8 encoded', async () => {
    // No ':' in the password: Prism rejects Basic credentials with more than one (RFC 7617 allows it).
    const { spy, sent } = spyOn({ username: 'zoë@example.com', password: 'pässwörd' });
    const { response } = await getChatRoom(spy, { path: { id: 1 } });
    expect(response.status).toBe(200);
    expect(sent).toEqual([`Basic ${Buffer.from('zoë@example.com:pässwörd').toString('base64')}`]);
  });

  it('refuses missing credentials before any request', () => {
    expect(() => createNexudusClient({ token: '', baseUrl })).toThrow(ParleyError);
    expect(() => createNexudusClient({ username: 'a', password: '', baseUrl })).toThrow(/password/);
  });

  it('is answered 401 by the mock without an Authorization header', async () => {
    const response = await fetch(`${baseUrl}/api/support/chatrooms/1`);
    expect(response.status).toBe(401);
  });
});

describe('throwing style (orThrow)', () => {
  it('returns the room', async () => {
    const data = await getChatRoom.orThrow(client, { path });
    expect(data.Name).toBe('Front desk');
  });

  it('throws for a 200 whose envelope says it failed', async () => {
    const error = await updateChatRoom
      .orThrow(client, { body: room }, { headers: prefer({ example: 'notUpdated' }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'invalid_input', status: 200, body: { WasSuccessful: false } });
    expect((error as Error).message).toContain('Users: user 1029384 is not a member of this business');
  });

  it('throws rate_limited for the 409 throttle, not conflict', async () => {
    const error = await listChatRooms.orThrow(client, {}, { headers: prefer({ code: 409 }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', status: 409, retryAfterMs: 1000, attempts: 1 });
  });
});

describe('a room read with GET', () => {
  it('is sent back unchanged by PUT, SystemId and the base fields included, and the mock accepts it', async () => {
    const read = await getChatRoom.orThrow(client, { path });
    expect(read).toHaveProperty('SystemId');
    const { data, error, response } = await updateChatRoom(client, { body: read });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ WasSuccessful: true });
  });
});

describe('listChatRooms filters', () => {
  it('takes the documented ones: last agent visit, users, and the three date ranges', async () => {
    const query = {
      ChatRoom_LastAgentVisit: '2025-01-15T09:12',
      ChatRoom_Users: 1029384,
      from_ChatRoom_LastAgentVisit: '2025-01-01T00:00',
      to_ChatRoom_LastAgentVisit: '2025-02-01T00:00',
      from_ChatRoom_CreatedOn: '2024-11-01T00:00',
      to_ChatRoom_CreatedOn: '2024-12-31T23:59',
      from_ChatRoom_UpdatedOn: '2025-01-01T00:00',
      to_ChatRoom_UpdatedOn: '2025-01-31T23:59',
    };
    const { data, response } = await listChatRooms(client, { query });
    expect(response.status).toBe(200);
    expect(new URL(response.url).searchParams.get('from_ChatRoom_CreatedOn')).toBe('2024-11-01T00:00');
    expect(data?.Records).toEqual(expect.any(Array));
  });

  it('are refused by the mock in another date format than YYYY-MM-DDTHH:mm', async () => {
    const { response } = await listChatRooms(client, { query: { from_ChatRoom_CreatedOn: '2024-11-01' } });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });
});

/** A client whose requests are recorded before they reach the mock. */
function recording() {
  const sent: Request[] = [];
  const spy = createNexudusClient({
    token: 'test-token',
    baseUrl,
    retry: false,
    fetch: async (request) => {
      sent.push(request.clone());
      return fetch(request);
    },
  });
  return { spy, sent };
}

describe('createChatRoom (POST)', () => {
  // From the spec's examples: "Front desk" in business 12345678, with users 1029384 and 1029391.
  const frontDesk = requestExample<CreateChatRoomBody>('nexudus', 'createChatRoom', 'frontDesk');

  it('answers 200, not 201, with the new room Id in the envelope', async () => {
    const { data, error, response } = await createChatRoom(client, { body: frontDesk });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ Status: 200, WasSuccessful: true, Message: 'ChatRoom was successfully created.', Value: { Id: 87654321 } });
    expect(data).toEqual(responseExample('nexudus', 'createChatRoom', 200, 'created'));
  });

  it('POSTs the body as JSON to the collection URL', async () => {
    const { spy, sent } = recording();
    await createChatRoom.orThrow(spy, { body: frontDesk });
    expect(sent.map((r) => [r.method, new URL(r.url).pathname, r.headers.get('content-type')])).toEqual([
      ['POST', '/api/support/chatrooms', 'application/json'],
    ]);
    expect(await sent[0]!.json()).toEqual(frontDesk);
  });

  it.each<[string, CreateChatRoomBody]>([
    ['only the required business', requestExample('nexudus', 'createChatRoom', 'minimal')],
    ["the CLI's AddedUsers and RemovedUsers (inferred)", { BusinessId: 12345678, AddedUsers: [1029384], RemovedUsers: [] }],
    ['SystemId (inferred) and a null Name', { BusinessId: 12345678, Name: null, SystemId: 'crm:4711' }],
  ])('is accepted by the mock with %s', async (_, body) => {
    const { data, response } = await createChatRoom(client, { body });
    expect(response.status).toBe(200);
    expect(data?.WasSuccessful).toBe(true);
  });

  it.each<[string, unknown]>([
    ['without the required BusinessId', { Name: 'Front desk' }],
    ['with an Id, which a new room does not have yet', { Id: 87654321, BusinessId: 12345678 }],
    ['with a user id that is not an integer', { BusinessId: 12345678, Users: ['1029384'] }],
  ])('is refused by the mock %s, with the validation envelope', async (_, bad) => {
    const { data, error, response } = await createChatRoom(client, { body: bad as CreateChatRoomBody });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ WasSuccessful: false, Value: null });
  });

  it.each(errorExamples('nexudus', 'createChatRoom'))("gives the spec's $status body, example $name", async ({ status, name, value }) => {
    const { data, error, response } = await createChatRoom(client, { body: frontDesk }, { headers: prefer({ code: status, example: name }) });
    expect(response.status).toBe(status);
    expect(data).toBeUndefined();
    expect(error).toEqual(value);
  });

  it('gives the 409 throttle with Retry-After and an empty body', async () => {
    const { data, error, response } = await createChatRoom(client, { body: frontDesk }, { headers: prefer({ code: 409 }) });
    expect(response.status).toBe(409);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  it('is not retried when throttled, even by a client that retries: a create is not idempotent', async () => {
    const retrying = createNexudusClient({ token: 'test-token', baseUrl, retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const error = await createChatRoom.orThrow(retrying, { body: frontDesk }, { headers: prefer({ code: 409 }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'rate_limited', status: 409, retryAfterMs: 1000, attempts: 1 });
  });
});

describe('deleteChatRoom (DELETE)', () => {
  // The spec's path example: room 87654321.
  const target = pathExample<DeleteChatRoomPath>('nexudus', 'deleteChatRoom');

  it('returns the success envelope (inferred: Nexudus does not document the answer)', async () => {
    const { data, error, response } = await deleteChatRoom(client, { path: target }, { headers: prefer({ example: 'deleted' }) });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ Status: 200, WasSuccessful: true, Message: 'ChatRoom was successfully deleted.', Value: null });
    expect(data?.Errors).toBeNull();
  });

  it('sends DELETE to the room URL, without a body', async () => {
    const { spy, sent } = recording();
    const deleted = await deleteChatRoom.orThrow(spy, { path: target });
    expect(deleted.WasSuccessful).toBe(true);
    expect(sent.map((r) => [r.method, new URL(r.url).pathname])).toEqual([['DELETE', '/api/support/chatrooms/87654321']]);
    expect(await sent[0]!.text()).toBe('');
  });

  it.each(errorExamples('nexudus', 'deleteChatRoom'))("gives the spec's $status body, example $name", async ({ status, name, value }) => {
    const { data, error, response } = await deleteChatRoom(client, { path: target }, { headers: prefer({ code: status, example: name }) });
    expect(response.status).toBe(status);
    expect(data).toBeUndefined();
    expect(error).toEqual(value);
  });

  it('throws not_found for an unknown room, with the envelope as body', async () => {
    const error = await deleteChatRoom.orThrow(client, { path: target }, { headers: prefer({ code: 404 }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'not_found', status: 404, body: { Status: 404, WasSuccessful: false } });
  });

  it('gives the 409 throttle with Retry-After and an empty body', async () => {
    const { data, error, response } = await deleteChatRoom(client, { path: target }, { headers: prefer({ code: 409 }) });
    expect(response.status).toBe(409);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  it('is refused by the mock for an id that is not an integer', async () => {
    const { data, response } = await deleteChatRoom(client, { path: { id: 'front-desk' as unknown as number } });
    expect(response.status).toBe(422);
    expect(data).toBeUndefined();
  });
});
