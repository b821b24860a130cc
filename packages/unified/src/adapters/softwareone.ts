import {
  addChatParticipants,
  createSoftwareOneClient,
  getChatParticipant,
  listChatParticipants,
  removeChatParticipant,
  updateChatParticipant,
  type ChatParticipant,
  type ChatParticipantUpdate,
  type SoftwareOneClient,
  type SoftwareOneClientOptions,
} from '@parley/softwareone';
import { softwareOneCapabilities } from '../capabilities/softwareone.js';
import { text } from '../id-formats.js';
import type { ParticipantOf } from '../model.js';
import { statusMapping } from '../status-mapping.js';
import { checkAnswerIs, compact, isRecord, malformed, nonEmpty, type Adapter } from './adapter.js';

export const softwareOneStatus = statusMapping(softwareOneCapabilities);

export function normalizeSoftwareOne(
  raw: ChatParticipant,
  ref: { chatId: string; participantId?: string },
  operationId = 'getChatParticipant',
): ParticipantOf<'softwareone', ChatParticipant> {
  // The spec marks every field optional: a read or update names its participant, a list item must.
  const id = nonEmpty(isRecord(raw) ? (raw.id ?? ref.participantId) : undefined);
  if (!id) throw malformed('softwareone', operationId, 'a participant without an `id`');
  return compact({
    provider: 'softwareone' as const,
    id,
    chatId: nonEmpty(raw.chat?.id) ?? ref.chatId,
    status: raw.status ? softwareOneStatus.fromVendor(raw.status) : 'unknown',
    displayName: nonEmpty(raw.identity?.name) ?? nonEmpty(raw.contact?.name),
    muted: typeof raw.muted === 'boolean' ? raw.muted : undefined,
    lastReadMessageId: nonEmpty(raw.lastReadMessage?.id),
    raw,
  });
}

/** Sends only the fields that change, plus `id`, so nothing else on the participant is touched. */
export const softwareOneAdapter = {
  provider: 'softwareone',
  capabilities: softwareOneCapabilities,
  ids: { chatId: text, participantId: text, memberId: text },
  howToConfigure: 'createParley({ softwareone: { token } })',
  createClient: createSoftwareOneClient,

  async update(client, ref, changes, options) {
    const body: ChatParticipantUpdate = { id: ref.participantId };
    if (changes.status) body.status = softwareOneStatus.toVendor(changes.status) as ChatParticipantUpdate['status'];
    if (changes.muted !== undefined) body.muted = changes.muted;
    if (changes.lastReadMessageId) body.lastReadMessage = { id: changes.lastReadMessageId };
    const raw = await updateChatParticipant.orThrow(client, { path: { chatId: ref.chatId, id: ref.participantId }, body }, options);
    return checkAnswerIs(normalizeSoftwareOne(raw, ref, 'updateChatParticipant'), ref, 'updateChatParticipant');
  },

  async add(client, ref, options) {
    const answer: unknown = await addChatParticipants.orThrow(client, { path: { chatId: ref.chatId }, body: [{ contact: { id: ref.memberId } }] }, options);
    if (!Array.isArray(answer)) throw malformed('softwareone', 'addChatParticipants', 'something other than the list of added participants');
    // The participant of the contact asked for; a lone participant that does not name its contact is taken as it.
    const contactOf = (p: unknown) => (isRecord(p) && isRecord(p.contact) ? p.contact.id : undefined);
    const added = answer.find((p) => contactOf(p) === ref.memberId) ?? (answer.length === 1 && !contactOf(answer[0]) ? answer[0] : undefined);
    if (!added) throw malformed('softwareone', 'addChatParticipants', `no participant for contact ${JSON.stringify(ref.memberId)}`);
    return normalizeSoftwareOne(added, ref, 'addChatParticipants');
  },

  async remove(client, ref, options) {
    const raw = await removeChatParticipant.orThrow(client, { path: { chatId: ref.chatId, id: ref.participantId } }, options);
    return { provider: 'softwareone' as const, id: ref.participantId, chatId: ref.chatId, raw };
  },

  async get(client, ref, options) {
    const raw = await getChatParticipant.orThrow(client, { path: { chatId: ref.chatId, id: ref.participantId } }, options);
    return normalizeSoftwareOne(raw, ref);
  },

  async *list(client, ref, pageSize = 100, options) {
    const seen = new Set<string>();
    for (let offset = 0; ; ) {
      const page = await listChatParticipants.orThrow(client, { path: { chatId: ref.chatId }, query: { offset, limit: pageSize } }, options);
      const data = isRecord(page) ? (page.data ?? []) : undefined;
      if (!Array.isArray(data)) throw malformed('softwareone', 'listChatParticipants', 'a page without a `data` list');
      const items = data.map((item) => normalizeSoftwareOne(item, { chatId: ref.chatId }, 'listChatParticipants'));
      // A server that ignores `offset` and omits `total` would hand out the same page forever.
      if (items.length > 0 && items.every((item) => seen.has(item.id))) {
        throw malformed('softwareone', 'listChatParticipants', `a page it had already given (offset ${offset}); stopping`);
      }
      for (const item of items) {
        seen.add(item.id);
        yield item;
      }
      offset += items.length;
      const total = page.$meta?.pagination?.total;
      // The platform caps limit at 100, so a short page is the last one.
      if (items.length < pageSize || (typeof total === 'number' && offset >= total)) return;
    }
  },
} satisfies Adapter<'softwareone', SoftwareOneClient, SoftwareOneClientOptions, ChatParticipant>;
