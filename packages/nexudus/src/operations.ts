import { operation } from '@parley/runtime';
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
 * and change members with `AddedUsers`/`RemovedUsers`, not `Users`. A 200 whose envelope says
 * `WasSuccessful: false` comes back as an error.
 */
export const updateChatRoom = operation(
  { operationId: 'updateChatRoom' },
  (client: NexudusClient, { body }: { body: ChatRoomUpdate }, init) => client.PUT(CHAT_ROOMS, { body, ...init }),
);

/** `GET /api/support/chatrooms/{id}`: the room with its `Users`. */
export const getChatRoom = operation(
  { operationId: 'getChatRoom' },
  (client: NexudusClient, { path }: { path: ChatRoomPath }, init) => client.GET(`${CHAT_ROOMS}/{id}`, { params: { path }, ...init }),
);

/** `GET /api/support/chatrooms`: one page of rooms, without their `Users`. */
export const listChatRooms = operation(
  { operationId: 'listChatRooms' },
  (client: NexudusClient, { query }: { query?: ListChatRoomsQuery }, init) =>
    client.GET(CHAT_ROOMS, { ...(query ? { params: { query } } : {}), ...init }),
);
