// A list must end even when a server ignores the paging parameters: a page that gives back only
// participants already seen stops the list with a `provider` error instead of looping forever.
import { ParleyError } from '@parley/runtime';
import { stubFetch } from '@parley/testkit/stub-fetch';
import { describe, expect, it } from 'vitest';
import { createParleyWith, softwareOneAdapter } from '../src/index.js';

describe('SoftwareOne list against a server that ignores offset and omits total', () => {
  it('stops with a provider error at the first repeated page', async () => {
    const page = { data: [{ id: 'CPT-1', status: 'Active' }, { id: 'CPT-2', status: 'Active' }], $meta: { pagination: { offset: 0, limit: 2 } } };
    const fetch = stubFetch(Response.json(page));
    const parley = createParleyWith([softwareOneAdapter], { softwareone: { token: 't', baseUrl: 'https://api.example.org', fetch, retry: false } });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const participant of parley.participants.list({ provider: 'softwareone', chatId: 'CHT-1', pageSize: 2 })) {
        seen.push(participant.id);
        if (seen.length > 20) return new Error('the list did not end');
      }
      return undefined;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'provider', provider: 'softwareone', operationId: 'listChatParticipants' });
    expect(seen).toEqual(['CPT-1', 'CPT-2']);
    expect(fetch.calls).toHaveLength(2);
  });
});
