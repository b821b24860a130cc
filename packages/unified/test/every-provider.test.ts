// Every registered provider through the unified API against its mock, driven by nothing but its
// adapter and capability data: a vendor `pnpm new-vendor` adds is covered here with no edit.
import { ParleyError } from '@parley/runtime';
import { mockCredentials } from '@parley/testkit/credentials';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, createParleyWith, describeCapabilities, PARTICIPANT_STATUSES, type AnyAdapter } from '../src/index.js';
import { collect, urls } from './support.js';

/** A Parley of one provider against its mock, recording what was sent, and the example reference. */
function setUp(adapter: AnyAdapter) {
  const { provider, capabilities } = adapter;
  const sent: string[] = [];
  const fetch = (request: Request) => {
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return globalThis.fetch(request);
  };
  const config = { [provider]: { ...mockCredentials(provider), baseUrl: urls[provider], retry: false, fetch } };
  const parley = createParleyWith([adapter], config as never);
  const { chatId, participantId, scope } = capabilities.example;
  return { parley, sent, ref: { provider, chatId, participantId, ...scope } as never, chat: { provider, chatId, ...scope } as never };
}

describe.each(ADAPTERS.map((adapter) => [adapter.provider, adapter] as const))('%s', (provider, adapter) => {
  const canSet = describeCapabilities(adapter.capabilities).set.status;
  const cannotSet = PARTICIPANT_STATUSES.filter((status) => !canSet.includes(status));

  it('gets the participant of its capability example', async () => {
    const { parley, ref } = setUp(adapter);
    const participant = await parley.participants.get(ref);
    expect(participant).toMatchObject({ provider, id: String(adapter.capabilities.example.participantId), chatId: String(adapter.capabilities.example.chatId) });
    expect([...PARTICIPANT_STATUSES, 'unknown']).toContain(participant.status);
    expect(participant.raw).toBeTypeOf('object');
  });

  it('lists the example chat, each participant normalized', async () => {
    const { parley, chat } = setUp(adapter);
    const participants = await collect(parley.participants.list(chat));
    expect(participants.length).toBeGreaterThan(0);
    for (const participant of participants) {
      expect(participant).toMatchObject({ provider, id: expect.any(String), chatId: String(adapter.capabilities.example.chatId) });
    }
  });

  it.skipIf(canSet.length === 0)('sets a status it can set', async () => {
    const { parley, ref } = setUp(adapter);
    const updated = await parley.participants.update({ ...(ref as object), set: { status: canSet[0] } } as never);
    expect(updated).toMatchObject({ provider });
  });

  it.skipIf(cannotSet.length === 0)('refuses a status it cannot set before sending anything, naming what it can', async () => {
    const { parley, ref, sent } = setUp(adapter);
    const error = await parley.participants.update({ ...(ref as object), set: { status: cannotSet[0] } } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'unsupported', provider, field: 'set.status' });
    expect(sent).toEqual([]);
  });
});
