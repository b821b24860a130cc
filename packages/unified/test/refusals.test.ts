// Unsupported changes and invalid input fail with a typed error before anything is sent.
import { ParleyError } from '@parley/runtime';
import { describe, expect, it } from 'vitest';
import { CONVERSATION, parleyWithSpy } from './support.js';

const refs = {
  softwareone: { provider: 'softwareone', chatId: 'CHT-1', participantId: 'CPT-1' },
  bird: { provider: 'bird', chatId: CONVERSATION, participantId: 'p-1' },
  nexudus: { provider: 'nexudus', chatId: 87654321, participantId: 1029384 },
} as const;

/** Runs a call that must fail, and proves the spy saw no request. */
async function refused(call: (parley: ReturnType<typeof parleyWithSpy>['parley']) => Promise<unknown>) {
  const { parley, sent } = parleyWithSpy();
  const error = await call(parley).catch((e: unknown) => e);
  expect(sent).toEqual([]);
  expect(error).toBeInstanceOf(ParleyError);
  return error as ParleyError;
}

describe('unsupported changes', () => {
  it.each([
    ['bird', { muted: true }, 'set.muted', 'bird cannot set muted; it can set status (active, invited, pending)'],
    ['bird', { lastReadMessageId: 'm' }, 'set.lastReadMessageId', 'bird cannot set lastReadMessageId'],
    ['bird', { status: 'left' }, 'set.status', 'bird cannot set status "left"'],
    ['nexudus', { status: 'invited' }, 'set.status', 'nexudus cannot set status "invited"; it can set status (active, left)'],
    ['nexudus', { status: 'pending' }, 'set.status', 'nexudus cannot set status "pending"'],
    ['nexudus', { muted: false }, 'set.muted', 'nexudus cannot set muted'],
    ['softwareone', { status: 'invited' }, 'set.status', 'it can set status (active, left), muted, lastReadMessageId'],
    ['softwareone', { status: 'inactive' }, 'set.status', 'softwareone cannot set status "inactive"'],
    ['bird', { status: 'inactive' }, 'set.status', 'bird cannot set status "inactive"'],
    ['nexudus', { status: 'inactive' }, 'set.status', 'nexudus cannot set status "inactive"'],
  ] as const)('%s with %j', async (provider, set, field, message) => {
    // `set` is typed per provider; these calls are what a plain-JavaScript caller could send.
    const error = await refused((parley) => parley.participants.update({ ...refs[provider], set } as never));
    expect(error).toMatchObject({ code: 'unsupported', provider, field });
    expect(error.message).toContain(message);
  });
});

describe('invalid input', () => {
  const update = (input: unknown) => (parley: ReturnType<typeof parleyWithSpy>['parley']) =>
    parley.participants.update(input as Parameters<typeof parley.participants.update>[0]);

  it.each([
    ['an unknown provider', { ...refs.bird, provider: 'slack', set: { status: 'active' } }, 'provider'],
    ['a missing provider', { chatId: 'x', participantId: 'y', set: { status: 'active' } }, 'provider'],
    ['an empty chatId', { ...refs.softwareone, chatId: '', set: { muted: true } }, 'chatId'],
    ['a blank participantId', { ...refs.softwareone, participantId: '  ', set: { muted: true } }, 'participantId'],
    ['a numeric SoftwareOne id', { ...refs.softwareone, participantId: 42, set: { muted: true } }, 'participantId'],
    ['a non-uuid Bird conversation', { ...refs.bird, chatId: 'conv-1', set: { status: 'active' } }, 'chatId'],
    ['a non-uuid Bird workspace', { ...refs.bird, workspaceId: 'ws-1', set: { status: 'active' } }, 'workspaceId'],
    ['a workspace for another provider', { ...refs.softwareone, workspaceId: 'b4e02c85-c6d2-4b15-8885-e09671799c61', set: { muted: true } }, 'workspaceId'],
    ['a non-integer Nexudus room', { ...refs.nexudus, chatId: '12.5', set: { status: 'active' } }, 'chatId'],
    ['a negative Nexudus user', { ...refs.nexudus, participantId: -3, set: { status: 'active' } }, 'participantId'],
    ['a Nexudus id past 2^53', { ...refs.nexudus, participantId: '9007199254740993', set: { status: 'active' } }, 'participantId'],
    ['an empty set', { ...refs.softwareone, set: {} }, 'set'],
    ['a set of undefined values', { ...refs.softwareone, set: { muted: undefined } }, 'set'],
    ['a missing set', { ...refs.softwareone }, 'set'],
    ['an unknown key in set', { ...refs.softwareone, set: { muted: true, role: 'admin' } }, 'set.role'],
    ['an unknown status', { ...refs.bird, set: { status: 'gone' } }, 'set.status'],
    ['a string for muted', { ...refs.softwareone, set: { muted: 'yes' } }, 'set.muted'],
    ['a number for lastReadMessageId', { ...refs.softwareone, set: { lastReadMessageId: 42 } }, 'set.lastReadMessageId'],
    ['an unknown top-level key', { ...refs.softwareone, set: { muted: true }, force: true }, 'force'],
  ])('refuses %s', async (_, input, field) => {
    const error = await refused(update(input));
    expect(error).toMatchObject({ code: 'invalid_input', field });
    expect(error.message).toContain(`\`${field}\``);
  });

  it('checks get and list input the same way', async () => {
    expect(
      await refused((parley) => parley.participants.get({ provider: 'nexudus', chatId: 'abc', participantId: 1 })),
    ).toMatchObject({ code: 'invalid_input', field: 'chatId' });
    const list = (input: unknown) => async (parley: ReturnType<typeof parleyWithSpy>['parley']) => {
      for await (const _ of parley.participants.list(input as never)) break;
    };
    expect(await refused(list({ provider: 'softwareone', chatId: 'CHT-1', pageSize: 0 }))).toMatchObject({ field: 'pageSize' });
    expect(await refused(list({ provider: 'bird', chatId: CONVERSATION, pageSize: 101 }))).toMatchObject({ field: 'pageSize' });
    expect(await refused(list({ provider: 'bird', chatId: 'nope' }))).toMatchObject({ field: 'chatId' });
  });

  it('refuses an invalid input to the list at the call, not at the first page', () => {
    const { parley } = parleyWithSpy();
    expect(() => parley.participants.list({ provider: 'bird', chatId: 'nope' })).toThrow(ParleyError);
  });
});
