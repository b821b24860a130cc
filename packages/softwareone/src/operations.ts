import { operation } from '@parley/runtime';
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
export const updateParticipant = operation(
  { operationId: 'updateChatParticipant' },
  (client: SoftwareOneClient, { path, body }: { path: ParticipantPath; body: ChatParticipantUpdate }, init) =>
    client.PUT(PARTICIPANT, { params: { path }, body, ...init }),
);

/** `GET …/chats/{chatId}/participants/{id}`. */
export const getParticipant = operation(
  { operationId: 'getChatParticipant' },
  (client: SoftwareOneClient, { path, query }: { path: ParticipantPath; query?: GetParticipantQuery }, init) =>
    client.GET(PARTICIPANT, { params: { path, ...(query ? { query } : {}) }, ...init }),
);

/** `GET …/chats/{chatId}/participants`: one page, paged with `offset` and `limit`. */
export const listParticipants = operation(
  { operationId: 'listChatParticipants' },
  (client: SoftwareOneClient, { path, query }: { path: ChatPath; query?: ListParticipantsQuery }, init) =>
    client.GET(PARTICIPANTS, { params: { path, ...(query ? { query } : {}) }, ...init }),
);
