import { operation } from '@parley/runtime';
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

/** `PATCH …/participants/{conversationParticipantId}`: set a participant's status. Idempotent, so retried. */
export const updateParticipant = operation(
  { operationId: 'updateConversationParticipant', idempotent: true },
  (client: BirdClient, { path, body }: { path: ParticipantPath; body: UpdateParticipantBody }, init) =>
    client.PATCH(PARTICIPANT, { params: { path }, body, ...init }),
);

/** `GET …/participants/{conversationParticipantId}`. */
export const getParticipant = operation(
  { operationId: 'getConversationParticipant' },
  (client: BirdClient, { path }: { path: ParticipantPath }, init) => client.GET(PARTICIPANT, { params: { path }, ...init }),
);

/** `GET …/participants`: one page; pass the previous `nextPageToken` as `query.pageToken`. */
export const listParticipants = operation(
  { operationId: 'listConversationParticipants' },
  (client: BirdClient, { path, query }: { path: ConversationPath; query?: ListParticipantsQuery }, init) =>
    client.GET(PARTICIPANTS, { params: { path, ...(query ? { query } : {}) }, ...init }),
);
