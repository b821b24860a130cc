import type { CallOptions } from '@parley/runtime';
import type { NexudusClient } from './client.js';
import type { components, operations } from './generated/openapi.js';

export type ChatRoom = components['schemas']['ChatRoom'];
export type ChatRoomUpdate = components['schemas']['ChatRoomUpdate'];
export type ChatRoomList = components['schemas']['ChatRoomList'];
export type CommandResult = components['schemas']['CommandResult'];
export type ChatRoomPath = operations['getChatRoom']['parameters']['path'];
export type ListChatRoomsQuery = NonNullable<operations['listChatRooms']['parameters']['query']>;

const CHAT_ROOMS = '/api/support/chatrooms';

/**
 * `PUT /api/support/chatrooms`. Nexudus replaces the record: send the room's current fields back
 * and change members with `AddedUsers`/`RemovedUsers`, not `Users`.
 */
export function updateChatRoom(client: NexudusClient, body: ChatRoomUpdate, options?: CallOptions) {
  return client.PUT(CHAT_ROOMS, { body, ...options });
}

/** `GET /api/support/chatrooms/{id}`: the room with its `Users`. */
export function getChatRoom(client: NexudusClient, path: ChatRoomPath, options?: CallOptions) {
  return client.GET(`${CHAT_ROOMS}/{id}`, { params: { path }, ...options });
}

/** `GET /api/support/chatrooms`: one page of rooms, without their `Users`. */
export function listChatRooms(client: NexudusClient, query?: ListChatRoomsQuery, options?: CallOptions) {
  return client.GET(CHAT_ROOMS, { ...(query ? { params: { query } } : {}), ...options });
}
