// Nexudus' client with `validateResponses` against a loopback Nexudus that drifts, the token answer
// of a `{ login }` client too (its token request goes through the same client, so the same check).
// Every answer the spec documents passes as Prism serves it: tests/resilience, validate-responses.test.ts.
import { isParleyError, type LogEvent } from '@parley/runtime';
import { startFaultServer, type FaultServer } from '@parley/testkit/fault-server';
import { pathExample, responseExample } from '@parley/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNexudusClient, getChatRoom, type AccessToken, type GetChatRoomPath } from '../src/index.js';

describe('a Nexudus that drifts', () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server.stop());

  const path = pathExample<GetChatRoomPath>('nexudus', 'getChatRoom');
  const room = responseExample<Record<string, unknown>>('nexudus', 'getChatRoom', 200, 'frontDesk');
  const issued = responseExample<AccessToken>('nexudus', 'requestToken', 200, 'issued');
  const login = { username: 'admin@example.com', password: 'S3cur3P@ss-nexudus-4815' };
  const reply = (body: object) => ({ kind: 'reply' as const, status: 200, body: JSON.stringify(body) });

  it("'throw': a room whose Id is text fails with contract", async () => {
    server.script(reply({ ...room, Id: 'R-1' }));
    const client = createNexudusClient({ token: 'test-token', baseUrl: server.url, validateResponses: 'throw' });
    const error = await getChatRoom.orThrow(client, { path }).catch((caught: unknown) => caught);
    expect(isParleyError(error, 'contract') && error.violations).toEqual([expect.objectContaining({ operationId: 'getChatRoom', path: '/Id', rule: 'type' })]);
  });

  it("'throw' with { login }: a token answer whose expires_in is text fails the call with contract, before the room is asked", async () => {
    server.script(reply({ ...issued, expires_in: String(issued.expires_in) }), reply(room));
    const client = createNexudusClient({ login, baseUrl: server.url, validateResponses: 'throw' });
    const error = await getChatRoom.orThrow(client, { path }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'contract', provider: 'nexudus', operationId: 'requestToken', status: 200 });
    expect(isParleyError(error, 'contract') && error.violations).toEqual([expect.objectContaining({ path: '/expires_in', rule: 'type' })]);
    expect(JSON.stringify(error)).not.toContain(issued.access_token);
    expect(server.seen.map((request) => request.rawUrl)).toEqual(['/api/token']);
  });

  it("'warn' with { login }: the token departure is logged, the token used, the room returned", async () => {
    server.script(reply({ ...issued, expires_in: String(issued.expires_in) }), reply(room));
    const events: LogEvent[] = [];
    const client = createNexudusClient({ login, baseUrl: server.url, validateResponses: 'warn', logger: (event) => events.push(event) });
    await expect(getChatRoom.orThrow(client, { path })).resolves.toEqual(room);
    expect(events.filter((event) => event.type === 'contract')).toEqual([expect.objectContaining({ operationId: 'requestToken', path: '/expires_in', rule: 'type' })]);
    expect(server.seen[1]?.headers.authorization).toBe(`Bearer ${issued.access_token}`);
  });
});
