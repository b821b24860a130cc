// Compile-time guarantees of the generated types: these lines must fail to type-check.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createBirdClient,
  getParticipant,
  listParticipants,
  updateParticipant,
  type BirdError,
  type Participant,
} from '../src/index.js';

const client = createBirdClient({ accessKey: 'k' });
const path = { workspaceId: 'w', conversationId: 'c', conversationParticipantId: 'p' };

describe('Bird types', () => {
  it('types results as the spec schemas', async () => {
    const { data, error } = await updateParticipant(client, { path, body: { status: 'active' } });
    expectTypeOf(data).toEqualTypeOf<Participant | undefined>();
    expectTypeOf(error).toEqualTypeOf<BirdError | undefined>();
    expectTypeOf<Participant['status']>().toEqualTypeOf<'invited' | 'pending' | 'active' | 'inactive' | undefined>();
  });

  it('rejects a wrong enum value', () => {
    // @ts-expect-error 'inactive' cannot be set
    void updateParticipant(client, { path, body: { status: 'inactive' } });
  });

  it('rejects a wrong field name', () => {
    // @ts-expect-error the field is `status`
    void updateParticipant(client, { path, body: { state: 'active' } });
  });

  it('rejects a missing required parameter', () => {
    // @ts-expect-error conversationParticipantId is required
    void getParticipant(client, { path: { workspaceId: 'w', conversationId: 'c' } });
    // @ts-expect-error limit is a number
    void listParticipants(client, { path: { workspaceId: 'w', conversationId: 'c' }, query: { limit: '10' } });
  });

  it('requires credentials', () => {
    // @ts-expect-error accessKey is required
    createBirdClient({ baseUrl: 'https://api.bird.com' });
  });
});
