// Nexudus' own faults, over real HTTP against the test kit's fault server: it throttles with 409,
// Retry-After and an empty body (not 429), and can report failure in a 200 envelope. The faults
// every vendor shares are in tests/resilience.
import { ParleyError } from '@parley/runtime';
import { startFaultServer, type FaultServer } from '@parley/testkit/fault-server';
import { pathExample, requestExample, responseExample } from '@parley/testkit/fixtures';
import { rejection } from '@parley/testkit/rejection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNexudusClient,
  getChatRoom,
  updateChatRoom,
  type CommandResult,
  type GetChatRoomPath,
  type UpdateChatRoomBody,
} from '../src/index.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.stop());

// Backoff of a few ms keeps retries fast; the timeout is generous so a loaded machine is not
// mistaken for a silent server.
const fast = { timeoutMs: 5_000, retry: { baseDelayMs: 1, maxDelayMs: 4 } };
const client = () => createNexudusClient({ token: 'nexudus-token', baseUrl: server.url, ...fast });
const path = pathExample<GetChatRoomPath>('nexudus', 'getChatRoom');
const body = requestExample<UpdateChatRoomBody>('nexudus', 'updateChatRoom', 'addMember');
const updated = JSON.stringify(responseExample('nexudus', 'updateChatRoom', 200, 'updated'));

/** The ParleyError a call rejects with; fails the test if it resolves or throws anything else. */
const failure = (call: Promise<unknown>) => rejection(call, ParleyError);

describe('Nexudus throttling and envelopes', () => {
  it('retries the 409 throttle (Retry-After, empty body) and returns what follows', async () => {
    server.script(
      { kind: 'reply', status: 409, headers: { 'retry-after': '0', 'content-length': '0' }, body: '' },
      { kind: 'reply', status: 200, body: updated },
    );
    await expect(updateChatRoom.orThrow(client(), { body })).resolves.toMatchObject({ WasSuccessful: true });
    expect(server.seen).toHaveLength(2);
  });

  it('reports a throttle that does not end as rate_limited, not as a conflict', async () => {
    server.script({ kind: 'reply', status: 409, headers: { 'retry-after': '0' }, body: '' });
    const error = await failure(getChatRoom.orThrow(client(), { path }));
    expect(error).toMatchObject({ code: 'rate_limited', status: 409, attempts: 3, retryAfterMs: 0 });
  });

  it('does not retry a 409 that carries a body: that is a real conflict', async () => {
    const envelope = responseExample<CommandResult>('nexudus', 'getChatRoom', 404);
    server.script({ kind: 'reply', status: 409, headers: { 'retry-after': '0' }, body: JSON.stringify(envelope) });
    const error = await failure(getChatRoom.orThrow(client(), { path }));
    expect(error).toMatchObject({ code: 'conflict', status: 409, attempts: 1, body: envelope });
  });

  it('treats 200 with WasSuccessful: false as an error with the envelope as body', async () => {
    const envelope = responseExample<CommandResult>('nexudus', 'updateChatRoom', 200, 'notUpdated');
    server.script({ kind: 'reply', status: 200, body: JSON.stringify(envelope) });
    const error = await failure(updateChatRoom.orThrow(client(), { body }));
    expect(error).toMatchObject({ code: 'invalid_input', status: 200, attempts: 1, body: envelope });
    expect(error.message).toContain('Users: user 1029384 is not a member of this business');
  });
});
