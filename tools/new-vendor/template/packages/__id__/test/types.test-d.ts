// Compile-time guarantees of the generated types.
import { describe, expectTypeOf, it } from 'vitest';
import { create__Name__Client, listChatParticipants, type __Name__Error, type Participant } from '../src/index.js';

const client = create__Name__Client({ token: 't' });

describe('__Display__ types', () => {
  it('types results as the spec schemas', async () => {
    const { data, error } = await listChatParticipants(client, { path: { chatId: 'c' } });
    expectTypeOf(data?.participants).toEqualTypeOf<Participant[] | undefined>();
    expectTypeOf(error).toEqualTypeOf<__Name__Error | undefined>();
  });

  it('refuses what the spec does not allow', () => {
    // @ts-expect-error the chat id is required
    void listChatParticipants(client, { path: {} });
    // @ts-expect-error the token is required
    void create__Name__Client({});
  });
});
