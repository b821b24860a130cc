// Nexudus' token endpoint (`requestToken`, POST /api/token) against Prism serving the spec, and the
// client that logs in by itself (`createNexudusClient({ login })`) against Prism and against a
// loopback token server whose answers each test controls.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { ParleyError, type LogEvent } from '@parley/runtime';
import { pathExample, requestExample, responseExample } from '@parley/testkit/fixtures';
import { prefer } from '@parley/testkit/prefer';
import { rejection } from '@parley/testkit/rejection';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import {
  createNexudusClient,
  getChatRoom,
  requestToken,
  type AccessToken,
  type GetChatRoomPath,
  type RequestTokenBody,
  type TokenError,
  type UpdateChatRoomBody,
  updateChatRoom,
} from '../src/index.js';

const prismUrl = inject('prismUrl');
const path = pathExample<GetChatRoomPath>('nexudus', 'getChatRoom');
const room = responseExample('nexudus', 'getChatRoom', 200, 'frontDesk');
const issued = responseExample<AccessToken>('nexudus', 'requestToken', 200, 'issued');
const passwordGrant = requestExample<RequestTokenBody>('nexudus', 'requestToken', 'password');
const PASSWORD = 'S3cur3P@ss-nexudus-4815';
const login = { username: 'admin@example.com', password: PASSWORD };

/** What a fetch sent: method, path, Authorization, Content-Type and body. */
interface Sent {
  method: string;
  path: string;
  authorization: string | null;
  contentType: string | null;
  body: string;
}

/** globalThis.fetch, recording each request first. */
function recordingFetch() {
  const sent: Sent[] = [];
  const fetch = async (request: Request, init: { signal: AbortSignal }) => {
    const { method, headers } = request;
    const body = await request.clone().text();
    sent.push({ method, path: new URL(request.url).pathname, authorization: headers.get('authorization'), contentType: headers.get('content-type'), body });
    return globalThis.fetch(request, init);
  };
  return { fetch, sent };
}

describe('requestToken against the mock', () => {
  const anonymous = () => {
    const { fetch, sent } = recordingFetch();
    // A client with a token: the operation must still go without it (the spec's `security: []`).
    return { client: createNexudusClient({ token: 'a-token-it-must-not-send', baseUrl: prismUrl, fetch, retry: false }), sent };
  };

  it.each(['password', 'passwordWithTotp', 'refresh'])('accepts the %s grant, form-encoded and without credentials', async (name) => {
    const { client, sent } = anonymous();
    const body = requestExample<RequestTokenBody>('nexudus', 'requestToken', name);
    const { data, error, response } = await requestToken(client, { body });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(issued);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/api/token', authorization: null, contentType: 'application/x-www-form-urlencoded' });
    expect(Object.fromEntries(new URLSearchParams(sent[0]!.body))).toEqual(body);
  });

  it('sends no Authorization even when the caller passes one', async () => {
    const { client, sent } = anonymous();
    await requestToken.orThrow(client, { body: passwordGrant }, { headers: { Authorization: 'Bearer from-the-caller' } });
    expect(sent[0]?.authorization).toBeNull();
  });

  it('is refused by the mock with a JSON body', async () => {
    const { client } = anonymous();
    // The raw client sends JSON, as the typed operation never would.
    const { data, error, response } = await client.POST('/api/token', { body: passwordGrant });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(typeof (error as TokenError).error).toBe('string');
  });

  it('is refused by the mock without the password', async () => {
    const { client } = anonymous();
    const body = { grant_type: 'password', username: 'admin@example.com' } as unknown as RequestTokenBody;
    const { response, error } = await requestToken(client, { body });
    expect(response.status).toBe(400);
    // The documented OAuth error shape, naming what is missing.
    // (Prism reports every oneOf branch's violations: the refresh grant's come along.)
    expect(error).toEqual({ error: 'invalid_grant', error_description: expect.stringMatching(/^password: is required(;|$)/) });
  });

  it.each(['invalidGrant', 'unsupportedGrantType'])('gives the %s error example', async (example) => {
    const { client } = anonymous();
    const { error, response } = await requestToken(client, { body: passwordGrant }, { headers: prefer({ code: 400, example }) });
    expect(response.status).toBe(400);
    expect(error).toEqual(responseExample('nexudus', 'requestToken', 400, example));
  });

  it('throws with error_description in the message', async () => {
    const { client } = anonymous();
    const error = await rejection(requestToken.orThrow(client, { body: passwordGrant }, { headers: prefer({ code: 400 }) }), ParleyError);
    expect(error).toMatchObject({ code: 'invalid_input', status: 400, operationId: 'requestToken', body: { error: 'invalid_grant' } });
    expect(error.message).toContain('The user name or password is incorrect.');
  });
});

describe('a client with { login } against the mock', () => {
  it('gets a token, then calls with it', async () => {
    const { fetch, sent } = recordingFetch();
    const client = createNexudusClient({ login, baseUrl: prismUrl, fetch, retry: false });
    const data = await getChatRoom.orThrow(client, { path }); // the mock refuses it without a bearer
    expect(data).toEqual(room);
    expect(sent.map((s) => `${s.method} ${s.path} ${s.authorization}`)).toEqual([
      'POST /api/token null',
      `GET /api/support/chatrooms/${path.id} Bearer ${issued.access_token}`,
    ]);
    expect(Object.fromEntries(new URLSearchParams(sent[0]!.body))).toEqual({ grant_type: 'password', ...login });
  });

  it('fails with unauthorized, and sends nothing else, when the login is refused', async () => {
    const { fetch, sent } = recordingFetch();
    const client = createNexudusClient({ login, baseUrl: prismUrl, fetch, retry: false, headers: prefer({ code: 400 }) });
    const error = await rejection(getChatRoom.orThrow(client, { path }), ParleyError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 400, provider: 'nexudus', operationId: 'requestToken' });
    expect(error.message).toContain('The user name or password is incorrect.');
    expect(sent.map((s) => s.path)).toEqual(['/api/token']);
  });
});

// ---- a loopback token server ---------------------------------------------------------------------

/** One token request as the server got it: the form's fields. */
type Grant = Record<string, string>;
type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * POST /api/token answers with `onGrant` (by default a new access and refresh token, valid an
 * hour); every other request is a call, answered 200 with the room when its bearer is a valid
 * token, else 401 (or with `onCall`).
 */
async function startTokenServer() {
  const grants: Grant[] = [];
  const calls: { method: string; authorization: string | undefined }[] = [];
  const valid = new Set<string>();
  /** Every token issued, in order. */
  const tokens: { access: string; refresh: string }[] = [];
  const state = {
    grants,
    calls,
    valid,
    tokens,
    /** Issues the next token. */
    issue(lifetime = 3600): Reply {
      const n = tokens.push({ access: `nexudus-access-${tokens.length + 1}-4815162342`, refresh: `nexudus-refresh-${tokens.length + 1}-4815162342` });
      const { access, refresh } = tokens[n - 1]!;
      valid.add(access);
      return { status: 200, body: { access_token: access, token_type: 'bearer', expires_in: lifetime, refresh_token: refresh } };
    },
    onGrant: undefined as ((grant: Grant) => Reply | Promise<Reply>) | undefined,
    onCall: undefined as ((authorization: string | undefined) => Reply | undefined) | undefined,
  };
  const reply = (response: ServerResponse, { status, body, headers }: Reply) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', async () => {
      const { authorization } = request.headers;
      if (request.url === '/api/token') {
        const grant = Object.fromEntries(new URLSearchParams(text));
        grants.push(grant);
        return reply(response, (await state.onGrant?.(grant)) ?? state.issue());
      }
      calls.push({ method: request.method ?? '', authorization });
      const custom = state.onCall?.(authorization);
      if (custom) return reply(response, custom);
      const ok = authorization?.startsWith('Bearer ') && valid.has(authorization.slice(7));
      reply(response, ok ? { status: 200, body: room } : { status: 401, body: { Message: 'Authorization has been denied for this request.' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    ...state,
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let server: Awaited<ReturnType<typeof startTokenServer>>;
beforeAll(async () => {
  server = await startTokenServer();
});
afterAll(() => server.stop());
afterEach(() => {
  server.grants.length = 0;
  server.calls.length = 0;
  server.tokens.length = 0;
  server.valid.clear();
  server.state.onGrant = undefined;
  server.state.onCall = undefined;
  vi.useRealTimers();
});

const fast = { timeoutMs: 5_000, retry: { baseDelayMs: 1, maxDelayMs: 4 } };
const loginClient = (options: object = {}) => createNexudusClient({ login, baseUrl: server.url, ...fast, ...options });
const grantTypes = () => server.grants.map((grant) => grant.grant_type);
const bearers = () => server.calls.map((call) => call.authorization);
/** Everything of an error a person or a log could see. */
const shown = (error: unknown) => [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');

describe('a client with { login } against a token server', () => {
  it('makes one token request for many concurrent calls, and sends its bearer on each', async () => {
    const client = loginClient();
    const rooms = await Promise.all(Array.from({ length: 8 }, () => getChatRoom.orThrow(client, { path })));
    expect(rooms).toEqual(Array(8).fill(room));
    expect(server.grants).toEqual([{ grant_type: 'password', ...login }]);
    expect(bearers()).toEqual(Array(8).fill(`Bearer ${server.tokens[0]!.access}`));
  });

  it('reuses the token until it nears its expiry, then renews it with the refresh token', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    server.state.onGrant = () => server.issue(600); // ten minutes, renewed a minute early
    const client = loginClient();
    await getChatRoom.orThrow(client, { path });
    vi.setSystemTime(Date.now() + 8 * 60_000);
    await getChatRoom.orThrow(client, { path });
    expect(grantTypes()).toEqual(['password']);
    vi.setSystemTime(Date.now() + 90_000); // 9.5 minutes after the grant
    await getChatRoom.orThrow(client, { path });
    expect(grantTypes()).toEqual(['password', 'refresh_token']);
    const [first, second] = server.tokens;
    expect(server.grants[1]).toEqual({ grant_type: 'refresh_token', refresh_token: first!.refresh });
    expect(bearers()).toEqual([`Bearer ${first!.access}`, `Bearer ${first!.access}`, `Bearer ${second!.access}`]);
  });

  it('logs in again when the refresh token is refused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const client = loginClient({ login: { ...login, clientId: 'parley-worker-1' } });
    await getChatRoom.orThrow(client, { path });
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    server.state.onGrant = (grant) => (grant.grant_type === 'refresh_token' ? { status: 400, body: { error: 'invalid_grant', error_description: 'Unknown refresh token.' } } : server.issue());
    await getChatRoom.orThrow(client, { path });
    expect(grantTypes()).toEqual(['password', 'refresh_token', 'password']);
    // The same client_id on every grant, as Nexudus requires of a refresh.
    expect(server.grants.map((grant) => grant.client_id)).toEqual(['parley-worker-1', 'parley-worker-1', 'parley-worker-1']);
    expect(bearers()[1]).toBe(`Bearer ${server.tokens[1]!.access}`);
  });

  it('drops a token answered 401, and sends a GET again once with a new one', async () => {
    const client = loginClient();
    await getChatRoom.orThrow(client, { path });
    server.valid.clear(); // revoked, e.g. by a login elsewhere with the same client_id
    await expect(getChatRoom.orThrow(client, { path })).resolves.toEqual(room);
    expect(grantTypes()).toEqual(['password', 'refresh_token']);
    const [first, second] = server.tokens.map((token) => `Bearer ${token.access}`);
    expect(bearers()).toEqual([first, first, second]);
  });

  it('sends a PUT again after a 401 too, with its body', async () => {
    const updated = responseExample('nexudus', 'updateChatRoom', 200, 'updated');
    let answered = 0;
    server.state.onCall = () => (answered++ === 0 ? { status: 401, body: '' } : { status: 200, body: updated });
    const body = requestExample<UpdateChatRoomBody>('nexudus', 'updateChatRoom', 'addMember');
    await expect(updateChatRoom.orThrow(loginClient(), { body })).resolves.toEqual(updated);
    expect(server.calls.map((call) => call.method)).toEqual(['PUT', 'PUT']);
    expect(grantTypes()).toEqual(['password', 'refresh_token']);
  });

  it('does not send a POST again after a 401, but the next call gets a new token', async () => {
    const client = loginClient();
    server.state.onCall = () => ({ status: 401, body: { Message: 'Authorization has been denied for this request.' } });
    const { response } = await client.POST('/api/support/chatrooms' as never, { body: { BusinessId: 1 } } as never);
    expect(response.status).toBe(401);
    expect(server.calls).toHaveLength(1);
    server.state.onCall = undefined;
    await getChatRoom.orThrow(client, { path });
    expect(grantTypes()).toEqual(['password', 'refresh_token']);
  });

  it('reports a 401 that a new token does not fix (a missing role) as unauthorized', async () => {
    server.state.onCall = () => ({ status: 401, body: { Message: 'Authorization has been denied for this request.' } });
    const error = await rejection(getChatRoom.orThrow(loginClient(), { path }), ParleyError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, operationId: 'getChatRoom' });
    expect(server.calls).toHaveLength(2); // sent once more, no more
  });

  it('fails with unauthorized when the login is refused, sending nothing else and showing no password', async () => {
    server.state.onGrant = (grant) => ({ status: 400, body: { error: 'invalid_grant', error_description: `The user name or password is incorrect: ${grant.password}` } });
    const events: LogEvent[] = [];
    const client = loginClient({ logger: (event: LogEvent) => events.push(event) });
    const error = await rejection(getChatRoom.orThrow(client, { path }), ParleyError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 400, provider: 'nexudus', operationId: 'requestToken' });
    expect(error.message).toContain('The user name or password is incorrect');
    expect(server.calls).toEqual([]);
    for (const text of [shown(error), JSON.stringify(events), JSON.stringify(client), inspect(client, { depth: 10 })]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(encodeURIComponent(PASSWORD));
    }
  });

  it('scrubs the tokens it got from errors, logs and the client', async () => {
    const events: LogEvent[] = [];
    const client = loginClient({ logger: (event: LogEvent) => events.push(event), retry: false });
    await getChatRoom.orThrow(client, { path });
    const { access, refresh } = server.tokens[0]!;
    // A server quoting the credentials it got, in its body and a header.
    server.state.onCall = (authorization) => ({ status: 500, body: { Message: `You sent ${authorization}; renew with ${refresh}` }, headers: { 'x-echo': `${authorization}` } });
    const error = await rejection(getChatRoom.orThrow(client, { path }), ParleyError);
    expect(error.code).toBe('provider');
    for (const text of [shown(error), JSON.stringify(events), JSON.stringify(client), inspect(client, { depth: 10 })]) {
      for (const secret of [access, refresh, PASSWORD]) expect(text).not.toContain(secret);
    }
    expect(JSON.stringify(error.body)).toContain('[REDACTED]');
  });

  it('stops waiting for the token when the call is cancelled, and the grant still serves the others', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.state.onGrant = async () => (await held, server.issue());
    const client = loginClient();
    const controller = new AbortController();
    const cancelled = rejection(getChatRoom.orThrow(client, { path }, { signal: controller.signal }), ParleyError);
    const waiting = getChatRoom.orThrow(client, { path });
    await vi.waitFor(() => expect(server.grants).toHaveLength(1));
    controller.abort();
    expect((await cancelled).code).toBe('cancelled');
    release();
    await expect(waiting).resolves.toEqual(room);
    expect(server.grants).toHaveLength(1);
  });

  it('sends the two-factor code with the password grant, asking a function for it each time', async () => {
    const codes = ['482910', '551200'];
    const totp = vi.fn(() => codes.shift()!);
    vi.useFakeTimers({ toFake: ['Date'] });
    server.state.onGrant = (grant) => (grant.grant_type === 'refresh_token' ? { status: 400, body: { error: 'invalid_grant' } } : server.issue());
    const client = loginClient({ login: { ...login, totp } });
    await getChatRoom.orThrow(client, { path });
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    await getChatRoom.orThrow(client, { path });
    expect(server.grants.filter((grant) => grant.grant_type === 'password').map((grant) => grant.totp)).toEqual(['482910', '551200']);
    expect(totp).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['no password', { login: { username: 'admin@example.com' } }, 'login.password'],
    ['a blank username', { login: { username: ' ', password: 'x' } }, 'login.username'],
    ['login and token', { login, token: 't' }, 'login'],
    ['login not an object', { login: 'admin@example.com:pw' }, 'login'],
    ['a numeric totp', { login: { ...login, totp: 482910 } }, 'login.totp'],
  ])('refuses %s before sending anything', (_, options, field) => {
    const error = (() => {
      try {
        createNexudusClient({ baseUrl: server.url, ...options } as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'invalid_input', field });
    expect(server.grants).toEqual([]);
  });
});
