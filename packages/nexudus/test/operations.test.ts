// Nexudus' client against Prism serving specs/nexudus/openapi.yaml with request validation on.
import { ParleyError } from '@parley/runtime';
import { pathExample, requestExample } from '@parley/testkit/fixtures';
import { prefer } from '@parley/testkit/prefer';
import { describe, expect, inject, it } from 'vitest';
import {
  createNexudusClient,
  getChatRoom,
  listChatRooms,
  updateChatRoom,
  type CommandResult,
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
