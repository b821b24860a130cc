// __Display__'s client against Prism serving specs/__id__/openapi.yaml with request validation on.
// TODO: one describe block per operation the spec gains: success, every documented error status.
import { ParleyError } from '@parley/runtime';
import { pathExample, responseExample } from '@parley/testkit/fixtures';
import { prefer } from '@parley/testkit/prefer';
import { describe, expect, inject, it } from 'vitest';
import { create__Name__Client, listChatParticipants, type ListChatParticipantsPath } from '../src/index.js';

const baseUrl = inject('prismUrl');
const client = create__Name__Client({ token: 'test-token', baseUrl, retry: false });
const chat = pathExample<ListChatParticipantsPath>('__id__', 'listChatParticipants');

describe('listChatParticipants (GET)', () => {
  it('returns the participants of the spec example', async () => {
    const { data, error, response } = await listChatParticipants(client, { path: chat });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(responseExample('__id__', 'listChatParticipants', 200));
  });

  it.each([401, 404])('throws a typed ParleyError for %i with the vendor body', async (status) => {
    const error = await listChatParticipants.orThrow(client, { path: chat }, { headers: prefer({ code: status }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ provider: '__id__', operationId: 'listChatParticipants', status, body: { code: expect.any(String) } });
  });

  it('is refused by the mock without credentials', async () => {
    // The client always sends its credential, so ask the mock directly.
    const response = await fetch(`${baseUrl}/chats/${encodeURIComponent(chat.chatId)}/participants`);
    expect(response.status).toBe(401);
  });
});
