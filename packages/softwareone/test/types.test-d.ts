// Compile-time guarantees of the generated types: these lines must fail to type-check.
import { describe, expectTypeOf, it } from 'vitest';
import {
  addChatParticipants,
  createSoftwareOneClient,
  getChatParticipant,
  listChatParticipants,
  removeChatParticipant,
  SOFTWAREONE_SERVERS,
  updateChatParticipant,
  type AddChatParticipantsBody,
  type AddChatParticipantsData,
  type ChatParticipant,
  type ChatParticipantCreate,
  type ChatParticipantListResponse,
  type ChatParticipantUpdate,
  type GetChatParticipantQuery,
  type ListChatParticipantsData,
  type ProblemDetails,
  type RemoveChatParticipantArgs,
  type RemoveChatParticipantData,
  type RemoveChatParticipantPath,
  type SoftwareOneCredentials,
  type UpdateChatParticipantArgs,
  type UpdateChatParticipantBody,
  type UpdateChatParticipantData,
  type UpdateChatParticipantPath,
} from '../src/index.js';

const client = createSoftwareOneClient({ token: 't' });
const path: UpdateChatParticipantPath = { chatId: 'CHT-1', id: 'CPT-1' };

describe('SoftwareOne types', () => {
  it('types results as the spec schemas', async () => {
    const { data, error } = await updateChatParticipant(client, { path, body: { muted: true } });
    expectTypeOf(data).toEqualTypeOf<ChatParticipant | undefined>();
    expectTypeOf(error).toExtend<ProblemDetails | undefined>();
    expectTypeOf(error?.traceId).toEqualTypeOf<string | undefined>();
    expectTypeOf<ChatParticipant['status']>().toEqualTypeOf<'Active' | 'Exited' | 'Deactivated' | undefined>();
  });

  it('names each operation part after its operationId', () => {
    expectTypeOf<UpdateChatParticipantBody>().toEqualTypeOf<ChatParticipantUpdate | ChatParticipant>();
    expectTypeOf<UpdateChatParticipantData>().toEqualTypeOf<ChatParticipant>();
    expectTypeOf<UpdateChatParticipantArgs>().toEqualTypeOf<{ path: UpdateChatParticipantPath; body: UpdateChatParticipantBody }>();
    expectTypeOf<ListChatParticipantsData>().toEqualTypeOf<ChatParticipantListResponse>();
    expectTypeOf<GetChatParticipantQuery['select']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SoftwareOneCredentials>().toEqualTypeOf<{ token: string }>();
    expectTypeOf(SOFTWAREONE_SERVERS).items.toHaveProperty('url');
  });

  it('takes a participant read with GET back as the body, and keeps the narrow shape for what changes', () => {
    expectTypeOf<ChatParticipant>().toExtend<UpdateChatParticipantBody>();
    // @ts-expect-error Deactivated cannot be set (only echoed inside a whole participant)
    const deactivate: ChatParticipantUpdate = { status: 'Deactivated' };
    // @ts-expect-error the platform's own fields are not part of the narrow shape
    const unread: ChatParticipantUpdate = { unreadMessageCount: 0 };
    // @ts-expect-error lastReadMessage needs its id
    const noId: ChatParticipantUpdate = { lastReadMessage: {} };
    void [deactivate, unread, noId];
  });

  it('rejects a wrong enum value or field name in either shape', () => {
    // @ts-expect-error statuses are PascalCase
    void updateChatParticipant(client, { path, body: { status: 'active' } });
    // @ts-expect-error the field is `muted`
    void updateChatParticipant(client, { path, body: { mute: true } });
  });

  it('rejects a missing required parameter', () => {
    // @ts-expect-error id is required
    void getChatParticipant(client, { path: { chatId: 'CHT-1' } });
    // @ts-expect-error limit is a number
    void listChatParticipants(client, { path: { chatId: 'CHT-1' }, query: { limit: '10' } });
  });

  it('types adding participants as an array in, created participants out', async () => {
    expectTypeOf<AddChatParticipantsBody>().toEqualTypeOf<ChatParticipantCreate[]>();
    expectTypeOf<AddChatParticipantsData>().toEqualTypeOf<ChatParticipant[]>();
    const { data } = await addChatParticipants(client, { path: { chatId: 'CHT-1' }, body: [{ contact: { id: 'CTT-1' } }] });
    expectTypeOf(data).toEqualTypeOf<ChatParticipant[] | undefined>();
    // @ts-expect-error the body is an array of participants, not one
    void addChatParticipants(client, { path: { chatId: 'CHT-1' }, body: { contact: { id: 'CTT-1' } } });
    // @ts-expect-error each item names its contact by id
    void addChatParticipants(client, { path: { chatId: 'CHT-1' }, body: [{ contact: {} }] });
  });

  it('types removing a participant as a path only, with no success body', () => {
    expectTypeOf<RemoveChatParticipantArgs>().toEqualTypeOf<{ path: RemoveChatParticipantPath }>();
    expectTypeOf<RemoveChatParticipantPath>().toEqualTypeOf<{ chatId: string; id: string }>();
    expectTypeOf<RemoveChatParticipantData>().toEqualTypeOf<undefined>(); // 204: no body
    // @ts-expect-error the participant id is required
    void removeChatParticipant(client, { path: { chatId: 'CHT-1' } });
  });

  it('requires credentials', () => {
    // @ts-expect-error token is required
    createSoftwareOneClient({ baseUrl: 'https://api.s1.show' });
  });
});
