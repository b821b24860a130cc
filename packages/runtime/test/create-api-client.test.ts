import { stubFetch, type StubCall } from '../../../tests/kit/src/stub-fetch.js';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../src/index.js';
import { basic, bearer, createApiClient, requireSecret, scheme } from '../src/internal.js';

interface Paths {
  '/things/{id}': {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { url: string } } } };
    };
  };
}

const profile = { provider: 'test' };
const baseUrl = 'https://api.example.org';

// A stub that echoes the path it received, so the test sees the request as sent; two ids answer
// with an empty success body instead.
const answer = ({ url }: StubCall) => {
  const { pathname } = new URL(url);
  if (pathname === '/things/chunked-empty') {
    // A body stream that ends at once, with no Content-Length: a chunked, empty body.
    const empty = new ReadableStream({ start: (controller) => controller.close() });
    return new Response(empty, { headers: { 'content-type': 'application/json' } });
  }
  if (pathname === '/things/no-content') return new Response(null, { status: 204, headers: { 'content-type': 'application/json' } });
  return Response.json({ url: pathname });
};
const fetch = stubFetch(answer);
const seen = fetch.calls;

describe('createApiClient', () => {
  it('applies the credentials, default headers and per-call headers', async () => {
    const client = createApiClient<Paths>({ baseUrl: `${baseUrl}/`, credentials: bearer('t0k'), profile, fetch, headers: { 'X-Team': 'qa' } });
    const { data } = await client.GET('/things/{id}', { params: { path: { id: 'a1' } }, headers: { Prefer: 'code=200' } });
    expect(data).toEqual({ url: '/things/a1' });
    const last = seen.at(-1);
    expect(last?.headers.authorization).toBe('Bearer t0k');
    expect(last?.headers.accept).toBe('application/json');
    expect(last?.headers['x-team']).toBe('qa');
    expect(last?.headers.prefer).toBe('code=200');
  });

  it('sends its own credentials even when a caller sets Authorization', async () => {
    const client = createApiClient<Paths>({ baseUrl, credentials: bearer('t0k'), profile, fetch, headers: { Authorization: 'Bearer client' } });
    await client.GET('/things/{id}', { params: { path: { id: 'a2' } }, headers: { Authorization: 'Bearer call' } });
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer t0k');
  });

  it('hands back the answer as received: status, headers and url', async () => {
    const client = createApiClient<Paths>({ baseUrl, credentials: bearer('t0k'), profile, fetch });
    const { response } = await client.GET('/things/{id}', { params: { path: { id: 'a3' } } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.url).toBe(`${baseUrl}/things/a3`);
  });

  it.each(['chunked-empty', 'no-content'])('reads an empty success body (%s) as no data, not a parse error', async (id) => {
    const client = createApiClient<Paths>({ baseUrl, credentials: bearer('t0k'), profile, fetch });
    const result = await client.GET('/things/{id}', { params: { path: { id } } });
    expect(result.data).toBeUndefined();
    expect(result.error).toBeUndefined();
    expect(result.response.ok).toBe(true);
  });

  it('keeps the secret off the client object', () => {
    const client = createApiClient<Paths>({ baseUrl, credentials: scheme('AccessKey', 'very-secret'), profile });
    expect(JSON.stringify(client)).not.toContain('very-secret');
  });
});

describe('credentials', () => {
  it('encodes Basic credentials as UTF-8', () => {
    expect(basic('zoë', 'pässwörd').authorization).toBe(`Basic ${Buffer.from('zoë:pässwörd').toString('base64')}`);
  });

  it('refuses a blank or non-string secret', () => {
    expect(() => requireSecret('acme', 'accessKey', ' ')).toThrow(ParleyError);
    expect(() => requireSecret('acme', 'accessKey', undefined)).toThrow(/`accessKey` is required/);
    expect(requireSecret('acme', 'accessKey', 'k')).toBe('k');
  });
});
