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

// The lifecycle a new user tries first: add someone, see them listed, remove them.
describe.each(ADAPTERS.map((adapter) => [adapter.provider, adapter] as const))('%s membership', (provider, adapter) => {
  const can = describeCapabilities(adapter.capabilities);

  it.skipIf(!can.add || !can.remove)('adds its example member, lists the chat, removes the participant, each through the vendor operation', async () => {
    const { parley, sent, chat } = setUp(adapter);
    const { memberId } = adapter.capabilities.example as { memberId?: string | number };
    const added = await parley.participants.add({ ...(chat as object), memberId } as never);
    expect(added).toMatchObject({ provider, id: expect.any(String), chatId: String(adapter.capabilities.example.chatId) });
    expect(added.raw).toBeTypeOf('object');
    const listed = await collect(parley.participants.list(chat));
    expect(listed.length).toBeGreaterThan(0);
    const removed = await parley.participants.remove({ ...(chat as object), participantId: added.id } as never);
    expect(removed).toMatchObject({ provider, id: added.id, chatId: String(adapter.capabilities.example.chatId) });
    expect(removed).toHaveProperty('raw');
    expect(sent.length).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(can.add && can.remove)('refuses what it cannot do before sending anything, naming what it can', async () => {
    const { parley, sent, ref, chat } = setUp(adapter);
    const calls = [
      !can.add && (() => parley.participants.add({ ...(chat as object), memberId: 'x' } as never)),
      !can.remove && (() => parley.participants.remove(ref)),
    ].filter((call) => call !== false);
    for (const call of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParleyError);
      expect(error).toMatchObject({ provider, field: 'provider' });
      expect((error as ParleyError).message).toMatch(/cannot (add|remove) participants; it can /);
    }
    expect(sent).toEqual([]);
  });
});
