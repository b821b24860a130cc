// Participant ids stay inside their own path segment, proven on the raw request line the test
// kit's fault server receives (tests/resilience checks the same for every vendor's operations).
import { ParleyError } from '@parley/runtime';
import { startFaultServer, type FaultServer } from '@parley/testkit/fault-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSoftwareOneClient, getChatParticipant, updateChatParticipant } from '../src/index.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.stop());

const hostile = [
  ['../../admin', '..%2F..%2Fadmin'],
  ['a/b?x=1#y', 'a%2Fb%3Fx%3D1%23y'],
  ['%2e%2e', '%252e%252e'],
  ['CPT 1/ü', 'CPT%201%2F%C3%BC'],
] as const;

describe('SoftwareOne participant ids', () => {
  const client = () => createSoftwareOneClient({ token: 't', baseUrl: server.url, retry: false });

  it.each(hostile)('sends %j as one encoded segment', async (id, encoded) => {
    server.script({ kind: 'reply', status: 200, body: '{"id":"x"}' });
    await getChatParticipant.orThrow(client(), { path: { chatId: 'CHT-1', id } });
    expect(server.seen[0]?.rawUrl).toBe(`/public/v1/helpdesk/chats/CHT-1/participants/${encoded}`);
  });

  it.each(['..', '.', ''])('refuses %j before sending anything', async (id) => {
    server.script({ kind: 'reply', status: 200, body: '{}' });
    const call = updateChatParticipant.orThrow(client(), { path: { chatId: 'CHT-1', id }, body: { muted: true } });
    await expect(call).rejects.toBeInstanceOf(ParleyError);
    await expect(call).rejects.toMatchObject({ code: 'invalid_input', field: 'id', message: expect.stringContaining('`id`') });
    expect(server.seen).toHaveLength(0);
  });
});
