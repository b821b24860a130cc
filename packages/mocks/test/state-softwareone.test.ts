// SoftwareOne's state without Prism: writes read back, the list pages and filters, ids echo, reset
// and separate instances, and every answer is what the spec documents for its operation and status.
import { describe, expect, it } from 'vitest';
import { stateFor } from '../src/state/index.js';
import { AnswerLog, answer, loadSpec, newState, request, responseChecker } from './state-support.js';

const spec = loadSpec('softwareone');
const CHAT = 'CHT-4821-7730-1955';
const DANA = 'CPT-5104-3382-7716'; // the spec's ActiveParticipant
const RAVI = 'CPT-5104-3382-9020'; // the spec's MutedParticipant
const at = (id: string, chatId = CHAT) => ({ chatId, id });

describe('softwareone state', () => {
  it('starts from the spec examples, grouped by chat', () => {
    const state = newState('softwareone', spec);
    const page = answer(state, request(spec, 'listChatParticipants', { path: { chatId: CHAT } }));
    expect(page.status).toBe(200);
    expect(page.body.data.map((p: { id: string }) => p.id)).toEqual([DANA, RAVI]);
    expect(page.body.$meta.pagination).toEqual({ offset: 0, limit: 10, total: 2 });
    // The list leaves out what its example says it omits, until selected.
    expect(page.body.$meta.omitted).toEqual(['contact', 'lastReadMessage']);
    expect(page.body.data[0]).not.toHaveProperty('contact');
    const selected = answer(state, request(spec, 'listChatParticipants', { path: { chatId: CHAT }, query: 'select=%2Bcontact' }));
    expect(selected.body.data[0].contact.id).toBe('CTT-0001-9158');
    expect(selected.body.$meta.omitted).toEqual(['lastReadMessage']);

    const got = answer(state, request(spec, 'getChatParticipant', { path: at(DANA) }));
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(DANA);
    expect(got.body.contact.name).toBe('Dana Whitfield');
  });

  it('answers the id asked for, and the documented 404 for an unknown one', () => {
    const state = newState('softwareone', spec);
    expect(answer(state, request(spec, 'getChatParticipant', { path: at(RAVI) })).body.id).toBe(RAVI);
    const missing = answer(state, request(spec, 'getChatParticipant', { path: at('CPT-1111-2222-3333') }));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ title: 'Not Found', status: 404, detail: 'Chat participant CPT-1111-2222-3333 was not found.' });
    // The participant exists in its own chat only.
    expect(answer(state, request(spec, 'getChatParticipant', { path: at(DANA, 'CHT-0000-0000-0001') })).status).toBe(404);
  });

  it('PUT changes the writable fields, ignores read-only ones and reads back', () => {
    const state = newState('softwareone', spec);
    const before = answer(state, request(spec, 'getChatParticipant', { path: at(DANA) })).body;
    const put = answer(
      state,
      request(spec, 'updateChatParticipant', {
        path: at(DANA),
        body: { ...before, muted: true, unreadMessageCount: 99, identity: { id: 'USR-0000-0000' }, revision: 1 },
      }),
    );
    expect(put.status).toBe(200);
    expect(put.body.muted).toBe(true);
    expect(put.body.unreadMessageCount).toBe(1);
    expect(put.body.identity.id).toBe('USR-4415-0092');
    expect(put.body.revision).toBe(before.revision + 1);
    expect(Date.parse(put.body.audit.updated.at)).toBeGreaterThan(Date.parse(before.audit.updated.at));
    expect(put.body.audit.created).toEqual(before.audit.created);

    const after = answer(state, request(spec, 'getChatParticipant', { path: at(DANA) })).body;
    expect(after).toEqual(put.body);
    // The participant read with GET is accepted when PUT back, and changes nothing.
    const again = answer(state, request(spec, 'updateChatParticipant', { path: at(DANA), body: after }));
    expect(again.body).toEqual(after);
  });

  it('marks read: lastReadMessage moves forward, the unread count goes down, never backwards', () => {
    const state = newState('softwareone', spec);
    const read = answer(state, request(spec, 'updateChatParticipant', { path: at(DANA), body: { id: DANA, lastReadMessage: { id: 'CMG-4821-7730-1955-00042' } } }));
    expect(read.body.lastReadMessage).toEqual({ id: 'CMG-4821-7730-1955-00042' });
    expect(read.body.unreadMessageCount).toBe(0);
    const back = answer(state, request(spec, 'updateChatParticipant', { path: at(DANA), body: { lastReadMessage: { id: 'CMG-4821-7730-1955-00041' } } }));
    expect(back.status).toBe(400);
    expect(back.body.errors).toHaveProperty('lastReadMessage');
  });

  it('status Exited sets audit.exited, Active again sets audit.reactivated', () => {
    const state = newState('softwareone', spec);
    const exited = answer(state, request(spec, 'updateChatParticipant', { path: at(DANA), body: { status: 'Exited' } })).body;
    expect(exited.status).toBe('Exited');
    expect(exited.audit.exited.at).toBeTypeOf('string');
    expect(exited.audit).not.toHaveProperty('reactivated');
    const back = answer(state, request(spec, 'updateChatParticipant', { path: at(DANA), body: { status: 'Active' } })).body;
    expect(back.status).toBe('Active');
    expect(back.audit.reactivated.at).toBeTypeOf('string');
    expect(back.revision).toBe(exited.revision + 1);
    const filtered = answer(state, request(spec, 'listChatParticipants', { path: { chatId: CHAT }, query: 'eq(status,Active)' })).body;
    expect(filtered.data.map((p: { id: string }) => p.id)).toEqual([DANA, RAVI]);
  });

  it('refuses Exited in a Direct chat with the documented 400', () => {
    // The examples' chat is a Group chat; the same examples in a Direct chat.
    const stateWithDirect = newState('softwareone', {
      ...spec,
      components: withChatType(spec, 'Direct'),
    });
    const refused = answer(stateWithDirect, request(spec, 'updateChatParticipant', { path: at(DANA), body: { status: 'Exited' } }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual({ status: ['Participants cannot exit a direct chat.'] });
  });

  it('adds one participant per item with a new id, and the list and GET show them', () => {
    const state = newState('softwareone', spec);
    const added = answer(
      state,
      request(spec, 'addChatParticipants', { path: { chatId: CHAT }, body: [{ contact: { id: 'CTT-0002-7415' } }, { contact: { id: 'CTT-9999-0001' }, account: { id: 'ACC-9012-3456' } }] }),
    );
    expect(added.status).toBe(201);
    expect(added.body).toHaveLength(2);
    const [priya, stranger] = added.body;
    expect(priya.id).toMatch(/^CPT-\d{4}-\d{4}-\d{4}$/);
    expect(stranger.id).not.toBe(priya.id);
    expect(priya).toMatchObject({ status: 'Active', muted: false, revision: 1, chat: { id: CHAT }, contact: { id: 'CTT-0002-7415', name: 'Priya Raman' } });
    expect(stranger).toMatchObject({ contact: { id: 'CTT-9999-0001' }, account: { id: 'ACC-9012-3456', name: 'SoftwareOne Vendor Desk' } });

    const page = answer(state, request(spec, 'listChatParticipants', { path: { chatId: CHAT } })).body;
    expect(page.$meta.pagination.total).toBe(4);
    expect(page.data.map((p: { id: string }) => p.id)).toEqual([DANA, RAVI, priya.id, stranger.id]);
    expect(answer(state, request(spec, 'getChatParticipant', { path: at(priya.id) })).body.id).toBe(priya.id);

    // A chat the examples do not know starts empty and takes participants.
    expect(answer(state, request(spec, 'listChatParticipants', { path: { chatId: 'CHT-1234' } })).body.data).toEqual([]);
  });

  it('removes a participant: 204, then it is gone; an unknown id gets the documented 400', () => {
    const state = newState('softwareone', spec);
    const removed = answer(state, request(spec, 'removeChatParticipant', { path: at(RAVI) }));
    expect(removed).toEqual({ status: 204 });
    expect(answer(state, request(spec, 'getChatParticipant', { path: at(RAVI) })).status).toBe(404);
    expect(answer(state, request(spec, 'listChatParticipants', { path: { chatId: CHAT } })).body.$meta.pagination.total).toBe(1);
    const again = answer(state, request(spec, 'removeChatParticipant', { path: at(RAVI) }));
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ title: 'Bad Request', status: 400, detail: `Chat participant ${RAVI} was not found.` });
  });

  it('pages with offset and limit, capped at 100; the numbers agree and the last page ends', () => {
    const state = newState('softwareone', spec);
    const body = Array.from({ length: 23 }, (_, i) => ({ contact: { id: `CTT-1000-${String(i).padStart(4, '0')}` } }));
    answer(state, request(spec, 'addChatParticipants', { path: { chatId: CHAT }, body }));
    const seen: string[] = [];
    for (let offset = 0; ; offset += 10) {
      const page = answer(state, request(spec, 'listChatParticipants', { path: { chatId: CHAT }, query: { offset: String(offset), limit: '10' } })).body;
      expect(page.$meta.pagination).toEqual({ offset, limit: 10, total: 25 });
      seen.push(...page.data.map((p: { id: string }) => p.id));
      if (page.data.length < 10) break;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const capped = answer(state, request(spec, 'listChatParticipants', { path: { chatId: CHAT }, query: 'limit=500' })).body;
    expect(capped.$meta.pagination.limit).toBe(100);
    expect(capped.data).toHaveLength(25);
    const countOnly = answer(state, request(spec, 'listChatParticipants', { path: { chatId: CHAT }, query: 'limit=0' })).body;
    expect(countOnly).toMatchObject({ data: [], $meta: { pagination: { limit: 0, total: 25 } } });
  });

  it('filters with RQL in the raw query and sorts with order', () => {
    const state = newState('softwareone', spec);
    answer(state, request(spec, 'updateChatParticipant', { path: at(RAVI), body: { status: 'Exited' } }));
    const list = (query: string) => answer(state, request(spec, 'listChatParticipants', { path: { chatId: CHAT }, query })).body;
    expect(list('eq(status,Exited)').data.map((p: { id: string }) => p.id)).toEqual([RAVI]);
    expect(list('eq(status,Exited)').$meta.pagination.total).toBe(1);
    expect(list('ne(status,Exited)&limit=5').data.map((p: { id: string }) => p.id)).toEqual([DANA]);
    expect(list('eq(account.id,"ACC-1234-5678")').data.map((p: { id: string }) => p.id)).toEqual([DANA]);
    expect(list('and(eq(muted,true),eq(status,Exited))').data).toHaveLength(1);
    expect(list('muted=false').data.map((p: { id: string }) => p.id)).toEqual([DANA]);
    expect(list('ilike(identity.name,*menon)').data.map((p: { id: string }) => p.id)).toEqual([RAVI]);
    // What it cannot read is ignored: the whole chat.
    expect(list('gt(revision,3)').data).toHaveLength(2);
    expect(list('order=-revision').data.map((p: { id: string }) => p.id)).toEqual([RAVI, DANA]);
  });

  it('reset restores the examples, and two instances do not share state', () => {
    const one = newState('softwareone', spec);
    const two = stateFor('softwareone', spec)!;
    answer(one, request(spec, 'updateChatParticipant', { path: at(DANA), body: { muted: true } }));
    answer(one, request(spec, 'removeChatParticipant', { path: at(RAVI) }));
    expect(answer(two, request(spec, 'getChatParticipant', { path: at(DANA) })).body.muted).toBe(false);
    expect(answer(two, request(spec, 'getChatParticipant', { path: at(RAVI) })).status).toBe(200);
    one.reset();
    expect(answer(one, request(spec, 'getChatParticipant', { path: at(DANA) })).body.muted).toBe(false);
    expect(answer(one, request(spec, 'getChatParticipant', { path: at(RAVI) })).status).toBe(200);
  });

  it('leaves what it does not model to Prism', () => {
    const state = newState('softwareone', spec);
    expect(state.answer(request(spec, 'getChatParticipant', { path: at(DANA) }))).toBeDefined();
    expect(state.answer({ ...request(spec, 'getChatParticipant'), operationId: 'listChats' })).toBeUndefined();
  });

  it('answers only what the spec documents for each operation and status', () => {
    const state = newState('softwareone', spec);
    const log = new AnswerLog(state);
    const list = (query = '') => log.call(request(spec, 'listChatParticipants', { path: { chatId: CHAT }, query }));
    list();
    list('select=%2Bcontact,%2BlastReadMessage&limit=1&offset=1');
    list('limit=0');
    const added = log.call(request(spec, 'addChatParticipants', { path: { chatId: CHAT }, body: [{ contact: { id: 'CTT-0002-7415' } }, { contact: { id: 'CTT-7' } }] }));
    log.call(request(spec, 'getChatParticipant', { path: at(DANA) }));
    log.call(request(spec, 'getChatParticipant', { path: at(added.body[0].id) }));
    log.call(request(spec, 'getChatParticipant', { path: at('CPT-0000-0000-0000') }));
    log.call(request(spec, 'updateChatParticipant', { path: at(DANA), body: { status: 'Exited', muted: true } }));
    log.call(request(spec, 'updateChatParticipant', { path: at(DANA), body: { status: 'Active', lastReadMessage: { id: 'CMG-4821-7730-1955-00042' } } }));
    log.call(request(spec, 'updateChatParticipant', { path: at(DANA), body: { lastReadMessage: { id: 'CMG-4821-7730-1955-00001' } } }));
    log.call(request(spec, 'updateChatParticipant', { path: at('CPT-0000-0000-0000'), body: { muted: true } }));
    log.call(request(spec, 'removeChatParticipant', { path: at(RAVI) }));
    log.call(request(spec, 'removeChatParticipant', { path: at(RAVI) }));
    list();

    const check = responseChecker(spec);
    const statuses = log.entries.map(({ operationId, answer }) => `${operationId} ${answer.status}`);
    expect(statuses).toContain('getChatParticipant 404');
    expect(statuses).toContain('updateChatParticipant 400');
    expect(statuses).toContain('removeChatParticipant 400');
    expect(log.entries.flatMap(({ operationId, answer }) => check(operationId, answer))).toEqual([]);
    // The check is not blind: a wrong member or an undocumented status fails it.
    expect(check('getChatParticipant', { status: 200, body: { id: DANA, muted: 'yes' } })).not.toEqual([]);
    expect(check('removeChatParticipant', { status: 200, body: {} })).not.toEqual([]);
  });
});

/** The spec's components with every example participant's chat of this type. */
function withChatType(spec: Record<string, unknown>, type: string) {
  const components = structuredClone(spec.components) as { examples: Record<string, { value: { chat?: { type?: string } } }> };
  for (const example of Object.values(components.examples)) if (example.value.chat) example.value.chat.type = type;
  return components;
}
