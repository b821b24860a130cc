import type { CallOptions } from '@parley/runtime';
import type { SoftwareOneClient } from './client.js';
import type { components, operations } from './generated/openapi.js';

export type ChatParticipant = components['schemas']['ChatParticipant'];
export type ChatParticipantUpdate = components['schemas']['ChatParticipantUpdate'];
export type ChatParticipantListResponse = components['schemas']['ChatParticipantListResponse'];
export type ProblemDetails = components['schemas']['ProblemDetails'];
export type ParticipantPath = operations['getChatParticipant']['parameters']['path'];
export type ChatPath = operations['listChatParticipants']['parameters']['path'];
export type GetParticipantQuery = NonNullable<operations['getChatParticipant']['parameters']['query']>;
export type ListParticipantsQuery = NonNullable<operations['listChatParticipants']['parameters']['query']>;

const PARTICIPANTS = '/public/v1/helpdesk/chats/{chatId}/participants';
const PARTICIPANT = `${PARTICIPANTS}/{id}` as const;

/** `PUT …/chats/{chatId}/participants/{id}`: send only the fields that change. */
export function updateParticipant(
  client: SoftwareOneClient,
  path: ParticipantPath,
  body: ChatParticipantUpdate,
  options?: CallOptions,
) {
  return client.PUT(PARTICIPANT, { params: { path }, body, ...options });
}

/** `GET …/chats/{chatId}/participants/{id}`. */
export function getParticipant(client: SoftwareOneClient, path: ParticipantPath, query?: GetParticipantQuery, options?: CallOptions) {
  return client.GET(PARTICIPANT, { params: { path, ...(query ? { query } : {}) }, ...options });
}

/** `GET …/chats/{chatId}/participants`: one page, paged with `offset` and `limit`. */
export function listParticipants(client: SoftwareOneClient, path: ChatPath, query?: ListParticipantsQuery, options?: CallOptions) {
  return client.GET(PARTICIPANTS, { params: { path, ...(query ? { query } : {}) }, ...options });
}
