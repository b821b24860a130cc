// Compile-time guarantees of the generated types: these lines must fail to type-check.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createSoftwareOneClient,
  getParticipant,
  listParticipants,
  updateParticipant,
  type ChatParticipant,
  type ProblemDetails,
} from '../src/index.js';

const client = createSoftwareOneClient({ token: 't' });
const path = { chatId: 'CHT-1', id: 'CPT-1' };

describe('SoftwareOne types', () => {
  it('types results as the spec schemas', async () => {
    const { data, error } = await updateParticipant(client, { path, body: { muted: true } });
    expectTypeOf(data).toEqualTypeOf<ChatParticipant | undefined>();
    expectTypeOf(error).toExtend<ProblemDetails | undefined>();
    expectTypeOf(error?.traceId).toEqualTypeOf<string | undefined>();
    expectTypeOf<ChatParticipant['status']>().toEqualTypeOf<'Active' | 'Exited' | 'Deactivated' | undefined>();
  });

  it('rejects a wrong enum value', () => {
    // @ts-expect-error Deactivated cannot be set
    void updateParticipant(client, { path, body: { status: 'Deactivated' } });
    // @ts-expect-error statuses are PascalCase
    void updateParticipant(client, { path, body: { status: 'active' } });
  });

  it('rejects a wrong field name', () => {
    // @ts-expect-error the field is `muted`
    void updateParticipant(client, { path, body: { mute: true } });
    // @ts-expect-error read-only fields are not part of the update
    void updateParticipant(client, { path, body: { unreadMessageCount: 0 } });
  });

  it('rejects a missing required parameter', () => {
    // @ts-expect-error id is required
    void getParticipant(client, { path: { chatId: 'CHT-1' } });
    // @ts-expect-error lastReadMessage needs its id
    void updateParticipant(client, { path, body: { lastReadMessage: {} } });
    // @ts-expect-error limit is a number
    void listParticipants(client, { path: { chatId: 'CHT-1' }, query: { limit: '10' } });
  });
});
