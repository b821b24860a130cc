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
import { isRecord, malformed, type Adapter, type CheckedRef } from './adapter.js';

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

/**
 * Reads the room and PUTs it back with the one membership change: the PUT replaces the record, so
 * every field it accepts goes back as read (see nexudusUpdateBody).
 */
async function changeMembership(client: NexudusClient, ref: CheckedRef, status: ParticipantStatus, options?: CallOptions): Promise<NexudusParticipantRaw> {
  const room = await readRoom(client, ref.chatId, options);
  // Without the room's own BusinessId (required by the spec) the record would be written blind.
  if (!isPositiveInteger(room.BusinessId)) throw malformed('nexudus', 'getChatRoom', 'a chat room without a `BusinessId`');
  const body = nexudusUpdateBody(room, Number(ref.chatId), status, Number(ref.participantId));
  const result = await updateChatRoom.orThrow(client, { body }, options);
  // The envelope names the record it wrote (`Value.Id`): another room's id must not pass for this change.
  const written = isRecord(result) && isRecord(result.Value) ? result.Value.Id : undefined;
  if (written !== undefined && String(written) !== ref.chatId) {
    throw malformed('nexudus', 'updateChatRoom', `chat room ${JSON.stringify(written)} when asked to change ${ref.chatId}`);
  }
  return { room, result };
}

export const nexudusAdapter = {
  provider: 'nexudus',
  capabilities: nexudusCapabilities,
  ids: { chatId: integerId, participantId: integerId, memberId: integerId },
  howToConfigure: 'createParley({ nexudus: { token } }), { username, password } (Basic) or { login: { username, password } } (the client gets its own bearer token)',
  createClient: createNexudusClient,

  async update(client, ref, changes, options) {
    return { provider: 'nexudus' as const, id: ref.participantId, chatId: ref.chatId, status: changes.status!, raw: await changeMembership(client, ref, changes.status!, options) };
  },

  // Nexudus has no participant resource: adding and removing are the same membership change as `update`.
  async add(client, ref, options) {
    return { provider: 'nexudus' as const, id: ref.memberId, chatId: ref.chatId, status: 'active' as const, raw: await changeMembership(client, { ...ref, participantId: ref.memberId }, 'active', options) };
  },

  async remove(client, ref, options) {
    return { provider: 'nexudus' as const, id: ref.participantId, chatId: ref.chatId, raw: await changeMembership(client, ref, 'left', options) };
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
