// SoftwareOne puts a W3C trace id in its ProblemDetails bodies; the profile reports it as the
// error's request id when no header carries one. Over real HTTP against the test kit's fault server.
import { ParleyError } from '@parley/runtime';
import { startFaultServer, type FaultServer } from '@parley/testkit/fault-server';
import { pathExample, responseExample } from '@parley/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSoftwareOneClient, getChatParticipant, type GetChatParticipantPath, type ProblemDetails } from '../src/index.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.stop());

const fast = { timeoutMs: 5_000, retry: { baseDelayMs: 1, maxDelayMs: 4 } };
const path = pathExample<GetChatParticipantPath>('softwareone', 'getChatParticipant');

describe('SoftwareOne request ids', () => {
  it('uses the ProblemDetails traceId when no header carries one', async () => {
    const conflict = responseExample<ProblemDetails>('softwareone', 'updateChatParticipant', 409);
    server.script({ kind: 'reply', status: 409, body: JSON.stringify(conflict) });
    const client = createSoftwareOneClient({ token: 't', baseUrl: server.url, ...fast });
    const error = await getChatParticipant.orThrow(client, { path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect((error as ParleyError).requestId).toBe(conflict.traceId);
    expect(conflict.traceId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  });

  it('prefers a request id header over the body', async () => {
    const conflict = responseExample<ProblemDetails>('softwareone', 'updateChatParticipant', 409);
    server.script({ kind: 'reply', status: 409, headers: { 'x-request-id': 'req-7f3a' }, body: JSON.stringify(conflict) });
    const client = createSoftwareOneClient({ token: 't', baseUrl: server.url, ...fast });
    const error = await getChatParticipant.orThrow(client, { path }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', requestId: 'req-7f3a' });
  });
});
