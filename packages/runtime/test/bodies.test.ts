// What a success answer's body means: data exactly as the vendor sent it, parsed once; an empty or
// null body only where the operation's spec declares no content, else a broken answer.
import { stubFetch } from '../../../tests/kit/src/stub-fetch.js';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../src/index.js';
import { bearer, createApiClient, defineOperation } from '../src/internal.js';
import type { Paths } from './things-api.js';

const token = 'se/cr+et-4815162342';
const client = (fetch: ReturnType<typeof stubFetch>) =>
  createApiClient<Paths>({ baseUrl: 'https://api.example.org', credentials: bearer(token), profile: { provider: 'test' }, fetch, retry: false });
type Result = { data?: { ok: boolean } | undefined; error?: unknown; response: Response };
const getThings = defineOperation<object, undefined, Result>({ operationId: 'getThings', method: 'get', path: '/things' });
const deleteThings = defineOperation<object, undefined, Result>({ operationId: 'deleteThings', method: 'delete', path: '/things', noContent: [204] });

const emptyStream = () => new Response(new ReadableStream({ start: (c) => c.close() }), { headers: { 'content-type': 'application/json' } });
const broken: [string, () => Response][] = [
  ['an empty 200', () => new Response('', { status: 200 })],
  ['a chunked empty 200', emptyStream],
  ['a 204 the spec does not declare', () => new Response(null, { status: 204 })],
  ['a JSON null', () => new Response('null', { status: 200, headers: { 'content-type': 'application/json' } })],
  ['an HTML page', () => new Response('<html>maintenance</html>', { status: 200 })],
];

describe('success bodies', () => {
  it.each(broken)('%s, where the spec promises a body, is a provider error in both styles', async (_, answer) => {
    for (const style of [getThings, getThings.orThrow]) {
      const error = await style(client(stubFetch(answer()))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParleyError);
      expect(error).toMatchObject({ code: 'provider', operationId: 'getThings', status: expect.any(Number), attempts: 1 });
    }
  });

  it('a 204 the spec declares is no data: undefined in both styles', async () => {
    const fetch = stubFetch(new Response(null, { status: 204 }));
    await expect(deleteThings.orThrow(client(fetch))).resolves.toBeUndefined();
    const { data, error, response } = await deleteThings(client(fetch));
    expect([data, error, response.status]).toEqual([undefined, undefined, 204]);
  });

  it('are returned exactly as sent, even when they contain the secret (errors and logs are scrubbed, data is not)', async () => {
    const fetch = stubFetch(Response.json({ ok: true, note: `your token is ${token}` }));
    await expect(getThings.orThrow(client(fetch))).resolves.toEqual({ ok: true, note: `your token is ${token}` });
  });

  it('keeps big numbers and unicode as JSON.parse reads them, once', async () => {
    const text = '{"ok":true,"n":12345678901234567890,"name":"Zoë 😀"}';
    const data = await getThings.orThrow(client(stubFetch(new Response(text, { status: 200 }))));
    expect(data).toEqual(JSON.parse(text));
  });
});
