import {
  createNexudusClient,
  getChatRoom,
  updateChatRoom,
  type ChatRoom,
  type ChatRoomUpdate,
  type NexudusClient,
  type NexudusClientOptions,
} from '@parley/nexudus';
import { ParleyError, type CallOptions } from '@parley/runtime';
import { nexudusCapabilities } from '../capabilities/nexudus.js';
import type { ParticipantStatus, Participant } from '../model.js';
import type { Adapter } from './adapter.js';

/** The membership change for a status: `AddedUsers`/`RemovedUsers`, never `Users`, which replaces the list. */
export function nexudusMembershipChange(status: ParticipantStatus, userId: number): Pick<ChatRoomUpdate, 'AddedUsers' | 'RemovedUsers'> {
  if (status === 'active') return { AddedUsers: [userId] };
  if (status === 'left') return { RemovedUsers: [userId] };
  throw new TypeError(`nexudus has no membership change for status ${status}`);
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
  return { Id: roomId, BusinessId: room.BusinessId, ...keep, ...nexudusMembershipChange(status, userId) };
}

function member(room: ChatRoom, chatId: string, userId: string): Participant<'nexudus'> {
  return { provider: 'nexudus', id: userId, chatId, status: 'active', raw: { room } };
}

function readRoom(client: NexudusClient, chatId: string, options?: CallOptions) {
  return getChatRoom.orThrow(client, { path: { id: Number(chatId) } }, options);
}

export const nexudusAdapter: Adapter<'nexudus', NexudusClient, NexudusClientOptions> = {
  provider: 'nexudus',
  capabilities: nexudusCapabilities,
  howToConfigure: 'createParley({ nexudus: { token } }) or createParley({ nexudus: { username, password } })',
  createClient: createNexudusClient,

  async update(client, ref, changes, options) {
    const room = await readRoom(client, ref.chatId, options);
    const status = changes.status!;
    const body = nexudusUpdateBody(room, Number(ref.chatId), status, Number(ref.participantId));
    const result = await updateChatRoom.orThrow(client, { body }, options);
    return { provider: 'nexudus', id: ref.participantId, chatId: ref.chatId, status, raw: { room, result } };
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
};
