// The unified API for every provider and operation, against Prism serving each vendor's spec.
import { ParleyError } from '@parley/runtime';
import { prefer } from '@parley/testkit/prefer';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { birdAdapter, createParley, createParleyWith, type NexudusParticipantRaw } from '../src/index.js';
import type { ChatParticipant } from '@parley/softwareone';
import type { Participant as BirdParticipant } from '@parley/bird';
import { collect, CONVERSATION, parleyWithSpy, urls, WORKSPACE } from './support.js';

describe('SoftwareOne through the unified API', () => {
  it('updates with only the changed fields plus id', async () => {
    const { parley, sent } = parleyWithSpy();
    const p = await parley.participants.update({
      provider: 'softwareone',
      chatId: 'CHT-4821-7730-1955',
      participantId: 'CPT-5104-3382-9020',
      set: { muted: true, lastReadMessageId: 'CMG-4821-7730-1955-00042' },
    }, { headers: prefer({ example: 'muted' }) }); // the mock's example of this participant
    expect(sent).toEqual([
      {
        method: 'PUT',
        url: `${urls.softwareone}/public/v1/helpdesk/chats/CHT-4821-7730-1955/participants/CPT-5104-3382-9020`,
        body: { id: 'CPT-5104-3382-9020', muted: true, lastReadMessage: { id: 'CMG-4821-7730-1955-00042' } },
      },
    ]);
    expect(p).toMatchObject({
      provider: 'softwareone',
      id: 'CPT-5104-3382-9020',
      chatId: 'CHT-4821-7730-1955',
      status: 'active',
      muted: true,
      displayName: 'Ravi Menon',
      lastReadMessageId: 'CMG-4821-7730-1955-00042',
    });
    expectTypeOf(p.raw).toEqualTypeOf<ChatParticipant>();
    expect(p.raw.account?.type).toBe('Vendor');
  });

  it('maps left to Exited', async () => {
    const { parley, sent } = parleyWithSpy();
    await parley.participants.update({ provider: 'softwareone', chatId: 'CHT-4821-7730-1955', participantId: 'CPT-5104-3382-7716', set: { status: 'left' } });
    expect(sent[0]?.body).toEqual({ id: 'CPT-5104-3382-7716', status: 'Exited' });
  });

  it('refuses an answer about another participant than the one it changed', async () => {
    const { parley, sent } = parleyWithSpy();
    // The mock answers with its `muted` example, participant CPT-…-9020, whatever the path says.
    const error = await parley.participants
      .update({ provider: 'softwareone', chatId: 'CHT-4821-7730-1955', participantId: 'CPT-5104-3382-7716', set: { muted: true } }, { headers: prefer({ example: 'muted' }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'provider', provider: 'softwareone', operationId: 'updateChatParticipant' });
    expect((error as Error).message).toContain('participant "CPT-5104-3382-9020" when asked to change "CPT-5104-3382-7716"');
    expect(sent).toHaveLength(1); // sent once, then refused: nothing normalized from the wrong participant
  });

  it('reads one participant', async () => {
    const { parley } = parleyWithSpy();
    const p = await parley.participants.get({ provider: 'softwareone', chatId: 'CHT-4821-7730-1955', participantId: 'CPT-5104-3382-7716' });
    expect(p).toMatchObject({ id: 'CPT-5104-3382-7716', status: 'active', muted: false, displayName: 'Dana Whitfield' });
  });

  it('lists every participant, page by page', async () => {
    const { parley, sent } = parleyWithSpy();
    const all = await collect(parley.participants.list({ provider: 'softwareone', chatId: 'CHT-4821-7730-1955', pageSize: 10 }));
    expect(all.map((p) => [p.id, p.status])).toEqual([
      ['CPT-5104-3382-7716', 'active'],
      ['CPT-5104-3382-9020', 'left'],
    ]);
    expect(new URL(sent[0]!.url).search).toBe('?offset=0&limit=10');
  });
});

describe('Bird through the unified API', () => {
  it('updates the status with the configured workspace', async () => {
    const { parley, sent } = parleyWithSpy();
    const p = await parley.participants.update({
      provider: 'bird',
      chatId: CONVERSATION,
      participantId: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf',
      set: { status: 'active' },
    });
    expect(sent).toEqual([
      {
        method: 'PATCH',
        url: `${urls.bird}/workspaces/${WORKSPACE}/conversations/${CONVERSATION}/participants/cb22b001-6226-4d7c-acdd-7414b2bcdbaf`,
        body: { status: 'active' },
      },
    ]);
    expect(p).toEqual(
      expect.objectContaining({ provider: 'bird', id: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf', chatId: CONVERSATION, status: 'active', displayName: 'John Doe' }),
    );
    expectTypeOf(p.raw).toEqualTypeOf<BirdParticipant>();
    expect(p.raw.type).toBe('user');
  });

  it('takes the workspace from the call over the configured one', async () => {
    const { parley, sent } = parleyWithSpy();
    const other = '0b0e0c1a-2f3d-4c5b-8a9e-1d2c3b4a5f6e';
    await parley.participants.get({ provider: 'bird', workspaceId: other, chatId: CONVERSATION, participantId: 'p-1' });
    expect(sent[0]?.url).toContain(`/workspaces/${other}/`);
  });

  it('lists every participant', async () => {
    const { parley } = parleyWithSpy();
    const all = await collect(parley.participants.list({ provider: 'bird', chatId: CONVERSATION }));
    expect(all.map((p) => [p.raw.type, p.status, p.displayName])).toEqual([
      ['contact', 'active', 'John Doe'],
      ['accessKey', 'active', 'My first email key'],
    ]);
  });
});

describe('Nexudus through the unified API', () => {
  const ROOM = {
    Id: 87654321,
    BusinessId: 12345678,
    Name: 'Front desk',
    Active: true,
    LastAgentVisit: '2025-01-15T09:12:00Z',
    SystemId: null, // user data only the API sees: kept, so that an update never erases it
  };

  it('reads the room, then PUTs it back unchanged with only AddedUsers', async () => {
    const { parley, sent } = parleyWithSpy();
    const p = await parley.participants.update({ provider: 'nexudus', chatId: 87654321, participantId: '1029384', set: { status: 'active' } });
    expect(sent.map((s) => [s.method, new URL(s.url).pathname])).toEqual([
      ['GET', '/api/support/chatrooms/87654321'],
      ['PUT', '/api/support/chatrooms'],
    ]);
    // Exactly the room's current fields and one membership change: no `Users`, nothing else.
    expect(sent[1]?.body).toEqual({ ...ROOM, AddedUsers: [1029384] });
    expect(p).toMatchObject({ provider: 'nexudus', id: '1029384', chatId: '87654321', status: 'active' });
    expectTypeOf(p.raw).toEqualTypeOf<NexudusParticipantRaw>();
    expect(p.raw.result?.WasSuccessful).toBe(true);
    expect(p.raw.room.Users).toEqual([1029384, 1029391]);
  });

  it('removes with RemovedUsers for left', async () => {
    const { parley, sent } = parleyWithSpy();
    await parley.participants.update({ provider: 'nexudus', chatId: '87654321', participantId: 1029391, set: { status: 'left' } });
    expect(sent[1]?.body).toEqual({ ...ROOM, RemovedUsers: [1029391] });
  });

  it('reads a member, and reports a non-member as not found', async () => {
    const { parley } = parleyWithSpy();
    const p = await parley.participants.get({ provider: 'nexudus', chatId: 87654321, participantId: 1029391 });
    expect(p).toMatchObject({ id: '1029391', chatId: '87654321', status: 'active' });
    await expect(parley.participants.get({ provider: 'nexudus', chatId: 87654321, participantId: 5 })).rejects.toMatchObject({
      code: 'not_found',
      provider: 'nexudus',
    });
  });

  it("lists the room's members", async () => {
    const { parley, sent } = parleyWithSpy();
    const all = await collect(parley.participants.list({ provider: 'nexudus', chatId: 87654321 }));
    expect(all.map((p) => p.id)).toEqual(['1029384', '1029391']);
    expect(sent).toHaveLength(1);
  });
});

describe('vendor errors through the unified API', () => {
  it.each([
    ['softwareone', { provider: 'softwareone', chatId: 'CHT-1', participantId: 'CPT-1' }, 'not_found'],
    ['bird', { provider: 'bird', chatId: CONVERSATION, participantId: 'p' }, 'not_found'],
    ['nexudus', { provider: 'nexudus', chatId: 1, participantId: 2 }, 'not_found'],
  ] as const)('%s: a 404 is a ParleyError with provider set', async (provider, ref, code) => {
    const { parley } = parleyWithSpy();
    const error = await parley.participants.get(ref, { headers: prefer({ code: 404 }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code, provider, status: 404 });
  });
});

describe('client', () => {
  it('hands out the typed vendor client', async () => {
    const { parley } = parleyWithSpy();
    const bird = parley.vendor('bird');
    const { data } = await bird.GET('/workspaces/{workspaceId}/conversations/{conversationId}/participants', {
      params: { path: { workspaceId: WORKSPACE, conversationId: CONVERSATION } },
    });
    expect(data?.results).toHaveLength(2);
  });

  it('says how to configure a provider it was not given', async () => {
    const parley = createParley({ bird: { accessKey: 'k', baseUrl: urls.bird } });
    const call = parley.participants.get({ provider: 'softwareone', chatId: 'CHT-1', participantId: 'CPT-1' });
    await expect(call).rejects.toMatchObject({ code: 'invalid_input', provider: 'softwareone' });
    await expect(call).rejects.toThrow('createParley({ softwareone: { token } })');
    expect(() => parley.vendor('nexudus')).toThrow(/nexudus is not configured/);
  });

  it('can be built from only the adapters an application uses', async () => {
    const parley = createParleyWith([birdAdapter], { bird: { accessKey: 'k', workspaceId: WORKSPACE, baseUrl: urls.bird } });
    const p = await parley.participants.get({ provider: 'bird', chatId: CONVERSATION, participantId: 'p-1' });
    expect(p.provider).toBe('bird');
    expect(parley.capabilities('bird').set.status).toEqual(['active', 'invited', 'pending']);
    // The types refuse both; a plain-JavaScript caller gets a clear error.
    await expect(parley.participants.get({ provider: 'nexudus', chatId: 1, participantId: 2 } as never)).rejects.toThrow(
      'must be one of bird; got "nexudus" (a provider is available when its adapter is passed to createParleyWith)',
    );
    expect(() => createParleyWith([birdAdapter], { softwareone: { token: 't' } } as never)).toThrow(/softwareone is not available/);
  });

  it('reports capabilities without credentials', () => {
    const parley = createParley();
    expect(parley.capabilities('bird').set).toEqual({ status: ['active', 'invited', 'pending'], muted: false, lastReadMessageId: false });
    expect(parley.capabilities('softwareone').set).toEqual({ status: ['active', 'left'], muted: true, lastReadMessageId: true });
    expect(parley.capabilities('nexudus').set).toEqual({ status: ['active', 'left'], muted: false, lastReadMessageId: false });
    expect(parley.capabilities('softwareone').statuses).toEqual(['active', 'left', 'inactive']);
  });
});
