import type { CallOptions } from '@parley/runtime';
import type { BirdClient } from './client.js';
import type { components, operations } from './generated/openapi.js';

export type Participant = components['schemas']['Participant'];
export type ParticipantList = components['schemas']['ParticipantList'];
export type UpdateParticipantBody = components['schemas']['UpdateParticipant'];
export type BirdError = components['schemas']['Error'];
export type ParticipantPath = operations['getConversationParticipant']['parameters']['path'];
export type ConversationPath = operations['listConversationParticipants']['parameters']['path'];
export type ListParticipantsQuery = NonNullable<operations['listConversationParticipants']['parameters']['query']>;

const PARTICIPANTS = '/workspaces/{workspaceId}/conversations/{conversationId}/participants';
const PARTICIPANT = `${PARTICIPANTS}/{conversationParticipantId}` as const;

/** `PATCH …/participants/{conversationParticipantId}`: set a participant's status. */
export function updateParticipant(client: BirdClient, path: ParticipantPath, body: UpdateParticipantBody, options?: CallOptions) {
  return client.PATCH(PARTICIPANT, { params: { path }, body, ...options });
}

/** `GET …/participants/{conversationParticipantId}`. */
export function getParticipant(client: BirdClient, path: ParticipantPath, options?: CallOptions) {
  return client.GET(PARTICIPANT, { params: { path }, ...options });
}

/** `GET …/participants`: one page; pass the previous `nextPageToken` as `pageToken`. */
export function listParticipants(client: BirdClient, path: ConversationPath, query?: ListParticipantsQuery, options?: CallOptions) {
  return client.GET(PARTICIPANTS, { params: { path, ...(query ? { query } : {}) }, ...options });
}
