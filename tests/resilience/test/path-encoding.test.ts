// Path parameters stay inside their own segment, proven on the raw request line a server receives.
import * as bird from '@parley/bird';
import { ParleyError } from '@parley/runtime';
import * as softwareone from '@parley/softwareone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer } from './fault-server.js';

let server: Awaited<ReturnType<typeof startFaultServer>>;
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
  const client = () => softwareone.createSoftwareOneClient({ token: 't', baseUrl: server.url, retry: false });

  it.each(hostile)('sends %j as one encoded segment', async (id, encoded) => {
    server.script({ kind: 'reply', status: 200, body: '{"id":"x"}' });
    await softwareone.getParticipant.orThrow(client(), { path: { chatId: 'CHT-1', id } });
    expect(server.seen[0]?.rawUrl).toBe(`/public/v1/helpdesk/chats/CHT-1/participants/${encoded}`);
  });

  it.each(['..', '.', ''])('refuses %j before sending anything', async (id) => {
    server.script({ kind: 'reply', status: 200, body: '{}' });
    const call = softwareone.updateParticipant.orThrow(client(), { path: { chatId: 'CHT-1', id }, body: { muted: true } });
    await expect(call).rejects.toBeInstanceOf(ParleyError);
    await expect(call).rejects.toMatchObject({ code: 'invalid_input', field: 'id', message: expect.stringContaining('`id`') });
    expect(server.seen).toHaveLength(0);
  });
});

describe('Bird participant ids', () => {
  it.each(hostile)('sends %j as one encoded segment', async (id, encoded) => {
    server.script({ kind: 'reply', status: 200, body: '{"id":"x","type":"contact"}' });
    const client = bird.createBirdClient({ accessKey: 'k', baseUrl: server.url, retry: false });
    await bird.updateParticipant.orThrow(client, {
      path: { workspaceId: 'w-1', conversationId: 'c-1', conversationParticipantId: id },
      body: { status: 'active' },
    });
    expect(server.seen[0]?.method).toBe('PATCH');
    expect(server.seen[0]?.rawUrl).toBe(`/workspaces/w-1/conversations/c-1/participants/${encoded}`);
  });
});
