import {
  addConversationParticipant,
  createBirdClient,
  deleteConversationParticipant,
  getConversationParticipant,
  listConversationParticipants,
  updateConversationParticipant,
  type BirdClient,
  type BirdClientOptions,
  type Participant as BirdParticipant,
  type UpdateParticipant as UpdateParticipantBody,
} from '@parley/bird';
import { birdCapabilities } from '../capabilities/bird.js';
import { explained, text, uuid } from '../id-formats.js';
import type { ParticipantOf } from '../model.js';
import { statusMapping } from '../status-mapping.js';
import { checkAnswerIs, compact, isRecord, malformed, nonEmpty, type Adapter, type ChatRef, type CheckedRef } from './adapter.js';

export const birdStatus = statusMapping(birdCapabilities);

export function normalizeBird(
  raw: BirdParticipant,
  ref: Pick<ChatRef, 'chatId'>,
  operationId = 'getConversationParticipant',
): ParticipantOf<'bird', BirdParticipant> {
  // The spec requires `id`; without it there is no participant to return.
  if (!isRecord(raw) || !nonEmpty(raw.id)) throw malformed('bird', operationId, 'a participant without an `id`');
  return compact({
    provider: 'bird' as const,
    id: raw.id,
    chatId: nonEmpty(raw.conversationId) ?? ref.chatId,
    // Bird documents `active` as the default when status is absent.
    status: birdStatus.fromVendor(raw.status ?? 'active'),
    displayName: nonEmpty(raw.displayName),
    raw,
  });
}

const path = (ref: CheckedRef) => ({
  workspaceId: ref.scope.workspaceId!,
  conversationId: ref.chatId,
  conversationParticipantId: ref.participantId,
});

export const birdAdapter = {
  provider: 'bird',
  capabilities: birdCapabilities,
  ids: { chatId: explained(uuid, 'Bird conversation ids are uuids'), participantId: text, memberId: text },
  // Every Bird path names a workspace; most applications use one, so it can be configured once.
  scope: { workspaceId: { format: uuid, required: true } },
  howToConfigure: 'createParley({ bird: { accessKey, workspaceId } })',
  createClient: createBirdClient,

  async update(client, ref, changes, options) {
    const body: UpdateParticipantBody = { status: birdStatus.toVendor(changes.status!) as UpdateParticipantBody['status'] };
    const raw = await updateConversationParticipant.orThrow(client, { path: path(ref), body }, options);
    return checkAnswerIs(normalizeBird(raw, ref, 'updateConversationParticipant'), ref, 'updateConversationParticipant');
  },

  // Bird's "ensure the conversation has this participant": 201 when added, 200 when it already was.
  async add(client, ref, options) {
    const conversation = { workspaceId: ref.scope.workspaceId!, conversationId: ref.chatId };
    const raw = await addConversationParticipant.orThrow(client, { path: conversation, body: { id: ref.memberId, type: 'contact' } }, options);
    return normalizeBird(raw, ref, 'addConversationParticipant');
  },

  async remove(client, ref, options) {
    const raw = await deleteConversationParticipant.orThrow(client, { path: path(ref) }, options);
    return { provider: 'bird' as const, id: ref.participantId, chatId: ref.chatId, raw };
  },

  async get(client, ref, options) {
    return normalizeBird(await getConversationParticipant.orThrow(client, { path: path(ref) }, options), ref);
  },

  async *list(client, ref, pageSize = 100, options) {
    const conversation = { workspaceId: ref.scope.workspaceId!, conversationId: ref.chatId };
    const tokens = new Set<string>();
    let seen = 0;
    for (let pageToken: string | undefined; ; ) {
      const query = { limit: pageSize, ...(pageToken ? { pageToken } : {}) };
      const page = await listConversationParticipants.orThrow(client, { path: conversation, query }, options);
      const results = isRecord(page) ? (page.results ?? []) : undefined;
      if (!Array.isArray(results)) throw malformed('bird', 'listConversationParticipants', 'a page without a `results` list');
      for (const result of results) yield normalizeBird(result, ref, 'listConversationParticipants');
      seen += results.length;
      const next = page.nextPageToken;
      // An absent or empty token ends the list (undocumented either way), and so does reaching `total`.
      if (!next || results.length === 0 || (typeof page.total === 'number' && page.total > 0 && seen >= page.total)) return;
      if (tokens.has(next)) {
        throw malformed('bird', 'listConversationParticipants', 'a page token it had already given; stopping');
      }
      tokens.add(next);
      pageToken = next;
    }
  },
} satisfies Adapter<'bird', BirdClient, BirdClientOptions, BirdParticipant>;
