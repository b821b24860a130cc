// Compile-time guarantees of the generated types: these lines must fail to type-check.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createNexudusClient,
  getChatRoom,
  listChatRooms,
  updateChatRoom,
  type ChatRoom,
  type ChatRoomList,
  type ChatRoomUpdate,
  type CommandResult,
  type GetChatRoomPath,
  type ListChatRoomsArgs,
  type ListChatRoomsData,
  type NexudusCredentials,
  type UpdateChatRoomArgs,
  type UpdateChatRoomBody,
} from '../src/index.js';

const client = createNexudusClient({ token: 't' });

describe('Nexudus types', () => {
  it('types results as the spec schemas', async () => {
    const updated = await updateChatRoom(client, { body: { Id: 1, BusinessId: 2 } });
    expectTypeOf(updated.data).toExtend<CommandResult | undefined>();
    expectTypeOf(updated.data?.WasSuccessful).toEqualTypeOf<boolean | undefined>();
    const room = await getChatRoom(client, { path: { id: 1 } });
    expectTypeOf(room.data).toExtend<ChatRoom | undefined>();
    expectTypeOf(room.data?.Id).toEqualTypeOf<number | undefined>();
    expectTypeOf<ChatRoom['Users']>().toEqualTypeOf<number[] | undefined>();
  });

  it('names each operation part after its operationId', () => {
    expectTypeOf<UpdateChatRoomBody>().toEqualTypeOf<ChatRoomUpdate>();
    expectTypeOf<UpdateChatRoomArgs>().toEqualTypeOf<{ body: UpdateChatRoomBody }>();
    expectTypeOf<GetChatRoomPath>().toEqualTypeOf<{ id: number }>();
    expectTypeOf<ListChatRoomsData>().toExtend<ChatRoomList>();
    expectTypeOf<ChatRoomList>().toExtend<ListChatRoomsData>();
    // Every query parameter is optional, so the arguments are too.
    expectTypeOf<{}>().toExtend<ListChatRoomsArgs>();
    expectTypeOf<NexudusCredentials>().toEqualTypeOf<{ token: string } | { username: string; password: string }>();
  });

  it('rejects a wrong field name or value type', () => {
    // @ts-expect-error the field is AddedUsers
    void updateChatRoom(client, { body: { Id: 1, BusinessId: 2, AddUsers: [3] } });
    // @ts-expect-error user ids are integers
    void updateChatRoom(client, { body: { Id: 1, BusinessId: 2, AddedUsers: ['3'] } });
    // @ts-expect-error dir is an integer
    void listChatRooms(client, { query: { dir: 'asc' } });
  });

  it('rejects a missing required parameter', () => {
    // @ts-expect-error BusinessId is required
    void updateChatRoom(client, { body: { Id: 1 } });
    // @ts-expect-error id is required
    void getChatRoom(client, { path: {} });
  });

  it('requires a whole set of credentials', () => {
    // @ts-expect-error a password goes with the username
    createNexudusClient({ username: 'a' });
  });
});
