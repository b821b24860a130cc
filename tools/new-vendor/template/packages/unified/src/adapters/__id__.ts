import {
  create__Name__Client,
  listChatParticipants,
  type __Name__Client,
  type __Name__ClientOptions,
  type Participant as __Name__Participant,
} from '@parley/__id__';
import { ParleyError, type CallOptions } from '@parley/runtime';
import { __name__Capabilities } from '../capabilities/__id__.js';
import { text } from '../id-formats.js';
import type { ParticipantOf } from '../model.js';
import { statusMapping } from '../status-mapping.js';
import { compact, isRecord, malformed, nonEmpty, type Adapter, type ChatRef } from './adapter.js';

export const __name__Status = statusMapping(__name__Capabilities);

export function normalize__Name__(raw: __Name__Participant, ref: Pick<ChatRef, 'chatId'>): ParticipantOf<'__id__', __Name__Participant> {
  // Without an id there is no participant to return: a wrong-shaped answer is the vendor's error.
  if (!isRecord(raw) || !nonEmpty(raw.id)) throw malformed('__id__', 'listChatParticipants', 'a participant without an `id`');
  return compact({
    provider: '__id__' as const,
    id: raw.id,
    chatId: ref.chatId,
    status: __name__Status.fromVendor(raw.status),
    displayName: nonEmpty(raw.name),
    raw,
  });
}

/** The chat's participants: the spec lists them in one page. */
async function* participants(client: __Name__Client, ref: ChatRef, options?: CallOptions) {
  const page = await listChatParticipants.orThrow(client, { path: { chatId: ref.chatId } }, options);
  if (!isRecord(page) || !Array.isArray(page.participants)) throw malformed('__id__', 'listChatParticipants', 'a page without a `participants` list');
  for (const raw of page.participants) yield normalize__Name__(raw, ref);
}

export const __name__Adapter = {
  provider: '__id__',
  capabilities: __name__Capabilities,
  ids: { chatId: text, participantId: text },
  howToConfigure: 'createParley({ __id__: { token } })',
  createClient: create__Name__Client,

  // TODO: with a write operation in the spec, send the change here and mark what it sets as
  // settable in the capability file. Until then the core refuses every change before this runs.
  async update() {
    throw new ParleyError('unsupported', '__id__ cannot change participants', { provider: '__id__', field: 'set' });
  },

  async get(client, ref, options) {
    for await (const participant of participants(client, ref, options)) if (participant.id === ref.participantId) return participant;
    throw new ParleyError('not_found', `__id__: ${ref.participantId} is not a participant of chat ${ref.chatId}`, {
      provider: '__id__',
      operationId: 'listChatParticipants',
    });
  },

  async *list(client, ref, _pageSize, options) {
    yield* participants(client, ref, options);
  },
} satisfies Adapter<'__id__', __Name__Client, __Name__ClientOptions, __Name__Participant>;
