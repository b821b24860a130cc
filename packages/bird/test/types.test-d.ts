// Compile-time guarantees of the generated types: these lines must fail to type-check.
import { describe, expectTypeOf, it } from 'vitest';
import {
  addConversationParticipant,
  BIRD_BASE_URL,
  createBirdClient,
  getConversationParticipant,
  listConversationParticipants,
  updateConversationParticipant,
  type BirdClientOptions,
  type BirdCredentials,
  type AddConversationParticipantBody,
  type AddConversationParticipantData,
  type BirdError,
  type CreateContactParticipantByIdentifier,
  type CreateContactParticipantById,
  type CreateUserOrFlowParticipant,
  type DeleteConversationParticipantData,
  type GetConversationParticipantArgs,
  type Participant,
  type UpdateConversationParticipantBody,
  type UpdateConversationParticipantData,
  type UpdateConversationParticipantError,
  type UpdateConversationParticipantPath,
} from '../src/index.js';

const client = createBirdClient({ accessKey: 'k' });
const path: UpdateConversationParticipantPath = { workspaceId: 'w', conversationId: 'c', conversationParticipantId: 'p' };

describe('Bird types', () => {
  it('types results as the spec schemas', async () => {
    const { data, error } = await updateConversationParticipant(client, { path, body: { status: 'active' } });
    expectTypeOf(data).toEqualTypeOf<Participant | undefined>();
    expectTypeOf(error).toEqualTypeOf<BirdError | undefined>();
    expectTypeOf<Participant['status']>().toEqualTypeOf<'invited' | 'pending' | 'active' | 'inactive' | undefined>();
  });

  it('names each operation part after its operationId', () => {
    expectTypeOf<UpdateConversationParticipantData>().toEqualTypeOf<Participant>();
    expectTypeOf<UpdateConversationParticipantError>().toEqualTypeOf<BirdError>();
    expectTypeOf<UpdateConversationParticipantBody['status']>().toEqualTypeOf<'pending' | 'invited' | 'active' | null | undefined>();
    expectTypeOf<GetConversationParticipantArgs>().toEqualTypeOf<{ path: UpdateConversationParticipantPath }>();
    expectTypeOf<BirdCredentials>().toEqualTypeOf<{ accessKey: string }>();
    expectTypeOf<BirdClientOptions>().toExtend<{ accessKey: string; baseUrl?: string }>();
    expectTypeOf(BIRD_BASE_URL).toBeString();
  });

  it('rejects a wrong enum value', () => {
    // @ts-expect-error 'inactive' cannot be set
    void updateConversationParticipant(client, { path, body: { status: 'inactive' } });
  });

  it('rejects a wrong field name', () => {
    // @ts-expect-error the field is `status`
    void updateConversationParticipant(client, { path, body: { state: 'active' } });
  });

  it('rejects a missing required parameter', () => {
    // @ts-expect-error conversationParticipantId is required
    void getConversationParticipant(client, { path: { workspaceId: 'w', conversationId: 'c' } });
    // @ts-expect-error limit is a number
    void listConversationParticipants(client, { path: { workspaceId: 'w', conversationId: 'c' }, query: { limit: '10' } });
  });

  it('takes the three forms of a participant to add, and gives the participant from 200 or 201', () => {
    expectTypeOf<AddConversationParticipantBody>().toEqualTypeOf<CreateUserOrFlowParticipant | CreateContactParticipantById | CreateContactParticipantByIdentifier>();
    expectTypeOf<AddConversationParticipantData>().toEqualTypeOf<Participant>();
    expectTypeOf<DeleteConversationParticipantData>().toEqualTypeOf<undefined>();
    const conversation = { workspaceId: 'w', conversationId: 'c' };
    void addConversationParticipant(client, { path: conversation, body: { type: 'contact', contact: { identifierKey: 'emailaddress', identifierValue: 'a@b.c' } } });
    // @ts-expect-error a bot cannot be added
    void addConversationParticipant(client, { path: conversation, body: { id: 'b', type: 'bot' } });
    // @ts-expect-error a contact named by identifier needs the value too
    void addConversationParticipant(client, { path: conversation, body: { type: 'contact', contact: { identifierKey: 'emailaddress' } } });
  });

  it('requires credentials', () => {
    // @ts-expect-error accessKey is required
    createBirdClient({ baseUrl: 'https://api.bird.com' });
  });
});
