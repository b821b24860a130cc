import {
  createNexudusClient,
  getChatRoom,
  updateChatRoom,
  type ChatRoom,
  type ChatRoomUpdate,
  type CommandResult,
  type NexudusClient,
  type NexudusClientOptions,
} from '@parley/nexudus';
import { ParleyError, type CallOptions } from '@parley/runtime';
import { nexudusCapabilities } from '../capabilities/nexudus.js';
import { explained, positiveInteger } from '../id-formats.js';
import type { ParticipantOf, ParticipantStatus } from '../model.js';
import { isRecord, malformed, type Adapter } from './adapter.js';

/** Nexudus has no participant resource: a participant is a user id in a chat room's `Users`. */
export interface NexudusParticipantRaw {
  /** The room as read before any change. */
  room: ChatRoom;
  /** The envelope of the update, for `participants.update`. */
  result?: CommandResult;
}

/** The membership change for a status: `AddedUsers`/`RemovedUsers`, never `Users`, which replaces the list. */
export function nexudusMembershipChange(status: ParticipantStatus, userId: number): Pick<ChatRoomUpdate, 'AddedUsers' | 'RemovedUsers'> {
  if (status === 'active') return { AddedUsers: [userId] };
  if (status === 'left') return { RemovedUsers: [userId] };
  throw new ParleyError('unsupported', `nexudus cannot set status ${String(status)}; it can set active, left`, { provider: 'nexudus', field: 'set.status' });
}

/** A member's status: Nexudus only knows members (`active`). */
export function nexudusMemberStatus(room: ChatRoom, userId: number): ParticipantStatus | undefined {
  return room.Users?.includes(userId) ? 'active' : undefined;
}

/**
 * Nexudus' PUT replaces the record, so an update first reads the room and sends back its current
 * fields unchanged, touching membership only through AddedUsers/RemovedUsers.
 */
export function nexudusUpdateBody(room: ChatRoom, roomId: number, status: ParticipantStatus, userId: number): ChatRoomUpdate {
  const keep: Partial<ChatRoomUpdate> = {};
  if ('Name' in room) keep.Name = room.Name ?? null;
  if ('Active' in room && room.Active !== undefined) keep.Active = room.Active;
  if ('LastAgentVisit' in room) keep.LastAgentVisit = room.LastAgentVisit ?? null;
  if ('SystemId' in room) keep.SystemId = room.SystemId ?? null;
  return { Id: roomId, BusinessId: room.BusinessId, ...keep, ...nexudusMembershipChange(status, userId) };
}

function member(room: ChatRoom, chatId: string, userId: string): ParticipantOf<'nexudus', NexudusParticipantRaw> {
  return { provider: 'nexudus', id: userId, chatId, status: 'active', raw: { room } };
}

const isPositiveInteger = (id: unknown) => Number.isSafeInteger(id) && (id as number) > 0;

/** The room, checked: membership is read from `Users`, so they must be user ids. */
async function readRoom(client: NexudusClient, chatId: string, options?: CallOptions): Promise<ChatRoom> {
  const room: unknown = await getChatRoom.orThrow(client, { path: { id: Number(chatId) } }, options);
  if (!isRecord(room)) throw malformed('nexudus', 'getChatRoom', 'a chat room that is not an object');
  if (room.Users != null && !(Array.isArray(room.Users) && room.Users.every(isPositiveInteger))) {
    throw malformed('nexudus', 'getChatRoom', 'a chat room whose `Users` is not a list of user ids');
  }
  return room as ChatRoom;
}

const integerId = explained(positiveInteger, 'Nexudus ids are integers');

export const nexudusAdapter = {
  provider: 'nexudus',
  capabilities: nexudusCapabilities,
  ids: { chatId: integerId, participantId: integerId },
  howToConfigure: 'createParley({ nexudus: { token } }) or createParley({ nexudus: { username, password } })',
  createClient: createNexudusClient,

  async update(client, ref, changes, options) {
    const room = await readRoom(client, ref.chatId, options);
    // The PUT replaces the record: without the room's own BusinessId (required by the spec) it would be written blind.
    if (!isPositiveInteger(room.BusinessId)) throw malformed('nexudus', 'getChatRoom', 'a chat room without a `BusinessId`');
    const status = changes.status!;
    const body = nexudusUpdateBody(room, Number(ref.chatId), status, Number(ref.participantId));
    const result = await updateChatRoom.orThrow(client, { body }, options);
    return { provider: 'nexudus' as const, id: ref.participantId, chatId: ref.chatId, status, raw: { room, result } };
  },

  async get(client, ref, options) {
    const room = await readRoom(client, ref.chatId, options);
    if (!nexudusMemberStatus(room, Number(ref.participantId))) {
      throw new ParleyError('not_found', `nexudus: user ${ref.participantId} is not a member of chat room ${ref.chatId}`, {
        provider: 'nexudus',
        operationId: 'getChatRoom',
      });
    }
    return member(room, ref.chatId, ref.participantId);
  },

  async *list(client, ref, _pageSize, options) {
    // One read: a room's members come whole in `Users`.
    const room = await readRoom(client, ref.chatId, options);
    for (const userId of room.Users ?? []) yield member(room, ref.chatId, String(userId));
  },
} satisfies Adapter<'nexudus', NexudusClient, NexudusClientOptions, NexudusParticipantRaw>;
