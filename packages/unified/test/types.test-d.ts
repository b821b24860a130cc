// The unified API's types come from the adapters: `set`, ids and scope fields narrow per provider.
import { describe, expectTypeOf, it } from 'vitest';
import type { ChatParticipant } from '@parley/softwareone';
import { birdAdapter, createParley, createParleyWith, PROVIDERS, type NexudusParticipantRaw, type Provider } from '../src/index.js';

const parley = createParley();
const bird = { provider: 'bird', chatId: 'c', participantId: 'p' } as const;
const softwareone = { provider: 'softwareone', chatId: 'CHT-1', participantId: 'CPT-1' } as const;

describe('set, narrowed per provider', () => {
  it('accepts what the provider can set', () => {
    void parley.participants.update({ ...softwareone, set: { muted: true, status: 'left', lastReadMessageId: 'm' } });
    void parley.participants.update({ ...bird, set: { status: 'invited' } });
    void parley.participants.update({ provider: 'nexudus', chatId: 1, participantId: '2', set: { status: 'left' } });
  });

  it('refuses at compile time what it cannot', () => {
    // @ts-expect-error Bird has no muted
    void parley.participants.update({ ...bird, set: { muted: true } });
    // @ts-expect-error Bird cannot set left
    void parley.participants.update({ ...bird, set: { status: 'left' } });
    // @ts-expect-error no provider can set inactive
    void parley.participants.update({ ...softwareone, set: { status: 'inactive' } });
    // @ts-expect-error Nexudus has no lastReadMessageId
    void parley.participants.update({ provider: 'nexudus', chatId: 1, participantId: 2, set: { lastReadMessageId: 'm' } });
  });
});

describe('references', () => {
  it('takes ids in each provider form, and scope fields only where they exist', () => {
    void parley.participants.get({ provider: 'nexudus', chatId: 87654321, participantId: '1029384' });
    void parley.participants.get({ ...bird, workspaceId: 'w' });
    // @ts-expect-error SoftwareOne ids are strings
    void parley.participants.get({ ...softwareone, participantId: 42 });
    // @ts-expect-error only Bird has a workspace
    void parley.participants.get({ ...softwareone, workspaceId: 'w' });
    // @ts-expect-error not a provider
    void parley.participants.get({ provider: 'slack', chatId: 'c', participantId: 'p' });
  });

  it('types raw and the vendor client by provider', async () => {
    expectTypeOf((await parley.participants.get(softwareone)).raw).toEqualTypeOf<ChatParticipant>();
    expectTypeOf((await parley.participants.get({ provider: 'nexudus', chatId: 1, participantId: 2 })).raw).toEqualTypeOf<NexudusParticipantRaw>();
    expectTypeOf<Provider>().toEqualTypeOf<(typeof PROVIDERS)[number]>(); // every registered provider
  });

  it('knows only the providers passed to createParleyWith', () => {
    const birdOnly = createParleyWith([birdAdapter], { bird: { accessKey: 'k', workspaceId: 'w' } });
    void birdOnly.participants.get(bird);
    // @ts-expect-error SoftwareOne's adapter was not passed in
    void birdOnly.participants.get(softwareone);
    // @ts-expect-error nor can it be configured
    void createParleyWith([birdAdapter], { softwareone: { token: 't' } });
  });
});

describe('add and remove', () => {
  it('take whom to add in the provider form, and type the vendor answer by provider', async () => {
    expectTypeOf((await parley.participants.add({ provider: 'softwareone', chatId: 'CHT-1', memberId: 'CTT-1' })).raw).toEqualTypeOf<ChatParticipant>();
    void parley.participants.add({ provider: 'nexudus', chatId: 1, memberId: 2 });
    void parley.participants.add({ provider: 'bird', chatId: 'c', memberId: 'contact-id', workspaceId: 'w' });
    // @ts-expect-error SoftwareOne contacts are strings
    void parley.participants.add({ provider: 'softwareone', chatId: 'CHT-1', memberId: 42 });
    // @ts-expect-error add takes memberId, not participantId
    void parley.participants.add({ provider: 'nexudus', chatId: 1, participantId: 2 });
    const removed = await parley.participants.remove(softwareone);
    expectTypeOf(removed.raw).toEqualTypeOf<undefined>(); // a 204
    expectTypeOf((await parley.participants.remove({ provider: 'nexudus', chatId: 1, participantId: 2 })).raw).toEqualTypeOf<NexudusParticipantRaw>();
  });
});
