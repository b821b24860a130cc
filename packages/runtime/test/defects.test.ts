// Defects found by trying the runtime as an attacker would; each test failed before its fix.
import { inspect } from 'node:util';
import { stubFetch } from '../../../tests/kit/src/stub-fetch.js';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../src/index.js';
import { basic, bearer, credentialsFrom, createApiClient, defineOperation, prefixedScheme } from '../src/internal.js';
import { createThingsClient, listThings, type Paths } from './things-api.js';

const profile = { provider: 'test' };
const caught = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('credentials that cannot go into a header', () => {
  it.each(['tok\r\nX-Injected: 1', 'tok\nen', 'tok\0en', 'tök€n', 'token-😀'])('are refused by the factory, naming the option, never the value: %j', (secret) => {
    const error = caught(() => credentialsFrom('test', [prefixedScheme('token', 'Bearer')], { token: secret }));
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'token' });
    expect(JSON.stringify(error) + inspect(error)).not.toContain(secret);
  });

  it('accepts any character in a Basic password, which is base64-encoded', () => {
    expect(basic('user', 'pässwörd€\n').authorization).toMatch(/^Basic [A-Za-z0-9+/=]+$/);
  });
});

describe('header values that cannot be sent', () => {
  it.each([['X-Note', 'a\r\nX-Injected: 1'], ['X-Note', 'ünïcödé€'], ['X-Note', 'nul\0']])('per call: %s refused as invalid_input naming it, nothing sent', async (name, value) => {
    const fetch = stubFetch(Response.json({ ok: true }));
    const error = await listThings(createThingsClient(fetch), undefined, { headers: { [name]: value } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'invalid_input', field: name });
    expect(fetch.calls).toHaveLength(0);
  });

  it('for the client: refused by the factory', () => {
    const error = caught(() => createThingsClient(stubFetch(), { headers: { 'X-Note': 'a\nb' } }));
    expect(error).toMatchObject({ code: 'invalid_input', field: 'X-Note' });
  });
});

describe('redirects', () => {
  const write = async (status: number) => {
    const fetch = stubFetch(new Response(null, { status, headers: { location: 'https://elsewhere.example/things' } }));
    const client = createApiClient<Paths & { '/things': { put: Paths['/things']['get'] } }>({
      baseUrl: 'https://api.example.org',
      credentials: bearer('t0k3n-value'),
      profile,
      fetch,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    const putThings = defineOperation<typeof client, undefined, { data?: unknown; response: Response }>({ operationId: 'putThings', method: 'put', path: '/things' });
    const result = await putThings.orThrow(client).catch((e: unknown) => e);
    return { result, fetch };
  };

  it.each([301, 302, 303, 307, 308])('a %i to a PUT is refused as a provider error, not followed and not retried', async (status) => {
    const { result, fetch } = await write(status);
    expect(result).toBeInstanceOf(ParleyError);
    expect(result).toMatchObject({ code: 'provider', status, attempts: 1 });
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]!.redirect).toBe('manual');
  });
});

describe('secrets a server echoes back, in any encoding', () => {
  // `/` and `+` as in a base64 Basic value, and a Latin-1 letter JSON may escape as \u00f6.
  const token = 'se/cr+et-tök-4815162342';
  const forms = {
    'JSON-escaped': JSON.stringify(token).slice(1, -1).replace(/\//g, '\\/').replace(/\+/g, '\\u002B').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    'URL-encoded': encodeURIComponent(token),
    base64: Buffer.from(token).toString('base64'),
  };

  it.each(Object.entries(forms))('%s: never in the error or its body', async (_, echoed) => {
    const fetch = stubFetch(new Response(`{"message":"invalid token ${echoed}","echo":["${echoed}"]}`, { status: 401, headers: { 'content-type': 'application/json' } }));
    const client = createApiClient<Paths>({ baseUrl: 'https://api.example.org', credentials: bearer(token), profile, fetch });
    const error = await listThings.orThrow(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    const shown = `${JSON.stringify(error)}\n${inspect(error, { depth: 10 })}\n${String(error)}`;
    for (const form of [token, ...Object.values(forms)]) expect(shown).not.toContain(form);
  });
});
