// `validateResponses` through the unified API: each provider's options go to its client, so a
// provider configured with it checks its answers; against loopback vendors that drift.
import { isParleyError, type LogEvent } from '@parley/runtime';
import { startFaultServer, type Fault, type FaultServer } from '@parley/testkit/fault-server';
import { pathExample, responseExample } from '@parley/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParley } from '../src/index.js';
import { collect } from './support.js';

const { workspaceId, conversationId } = pathExample<{ workspaceId: string; conversationId: string }>('bird', 'listConversationParticipants');
const user = responseExample<Record<string, unknown>>('bird', 'getConversationParticipant', 200, 'user');
// A status Bird's documentation does not list.
const drifted = { ...user, status: 'parley-away' };
const ref = { provider: 'bird' as const, chatId: conversationId, participantId: String(user.id) };
const reply = (body: unknown): Fault => ({ kind: 'reply', status: 200, body: JSON.stringify(body) });

let bird: FaultServer;
let softwareone: FaultServer;
beforeAll(async () => {
  [bird, softwareone] = await Promise.all([startFaultServer(), startFaultServer()]);
});
afterAll(() => Promise.all([bird.stop(), softwareone.stop()]));

const parleyWith = (validateResponses: 'warn' | 'throw', logger?: (event: LogEvent) => void) =>
  createParley({
    bird: { accessKey: 'test-access-key', workspaceId, baseUrl: bird.url, validateResponses, logger, retry: false },
    // Not validating: the setting is per provider.
    softwareone: { token: 'test-token', baseUrl: softwareone.url, retry: false },
  });

/** The error a promise rejects with. */
const rejectionOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe("validateResponses: 'throw' through the unified API", () => {
  it('get: the contract error reaches the caller as the client raised it', async () => {
    bird.script(reply(drifted));
    const error = await rejectionOf(parleyWith('throw').participants.get(ref));
    expect(isParleyError(error, 'contract')).toBe(true);
    expect(error).toMatchObject({ provider: 'bird', operationId: 'getConversationParticipant', status: 200, violations: [expect.objectContaining({ in: 'body', path: '/status', rule: 'enum' })] });
  });

  it('get: a participant without its id is contract, before the unified check would call it malformed', async () => {
    const { id: _, ...withoutId } = user;
    bird.script(reply(withoutId));
    await expect(parleyWith('throw').participants.get(ref)).rejects.toMatchObject({ code: 'contract', violations: [expect.objectContaining({ path: '/id', rule: 'required' })] });
  });

  it('list: the drifting page fails the iteration with contract', async () => {
    bird.script(reply({ results: [user, drifted] }));
    const error = await rejectionOf(collect(parleyWith('throw').participants.list({ provider: 'bird', chatId: conversationId })));
    expect(error).toMatchObject({ code: 'contract', operationId: 'listConversationParticipants', violations: [expect.objectContaining({ path: '/results/1/status', rule: 'enum' })] });
  });

  it('update: the drifting answer to the PATCH fails with contract', async () => {
    bird.script(reply(drifted));
    const error = await rejectionOf(parleyWith('throw').participants.update({ ...ref, set: { status: 'active' } }));
    expect(error).toMatchObject({ code: 'contract', operationId: 'updateConversationParticipant', violations: [expect.objectContaining({ path: '/status', rule: 'enum' })] });
    expect(bird.seen.map((request) => request.method)).toEqual(['PATCH']);
  });

  it('a provider configured without it checks nothing', async () => {
    const chatId = pathExample<{ chatId: string }>('softwareone', 'getChatParticipant').chatId;
    softwareone.script(reply({ id: 'CPT-5104-3382-7716', status: 'Archived', unreadMessageCount: 'many' }));
    await expect(parleyWith('throw').participants.get({ provider: 'softwareone', chatId, participantId: 'CPT-5104-3382-7716' })).resolves.toMatchObject({ status: 'unknown' });
  });
});

describe("validateResponses: 'warn' through the unified API", () => {
  it('get: the departure is logged and the normalized participant returned', async () => {
    bird.script(reply(drifted));
    const events: LogEvent[] = [];
    const participant = await parleyWith('warn', (event) => events.push(event)).participants.get(ref);
    expect(participant).toMatchObject({ provider: 'bird', id: user.id, status: 'unknown', raw: { status: 'parley-away' } });
    expect(events.filter((event) => event.type === 'contract')).toEqual([
      expect.objectContaining({ provider: 'bird', operationId: 'getConversationParticipant', path: '/status', rule: 'enum' }),
    ]);
  });

  it('list: every participant comes, the departure logged', async () => {
    bird.script(reply({ results: [user, drifted] }));
    const events: LogEvent[] = [];
    const participants = await collect(parleyWith('warn', (event) => events.push(event)).participants.list({ provider: 'bird', chatId: conversationId }));
    expect(participants.map((participant) => participant.status)).toEqual(['active', 'unknown']);
    expect(events.filter((event) => event.type === 'contract')).toEqual([expect.objectContaining({ path: '/results/1/status', rule: 'enum' })]);
  });
});
