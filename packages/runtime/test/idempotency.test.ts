// Which calls the runtime retries, against a stub fetch that always answers 503 (no sockets).
import { stubFetch, type StubFetch } from '../../../tests/kit/src/stub-fetch.js';
import { describe, expect, it } from 'vitest';
import type { ClientOptions } from '../src/index.js';
import { bearer, createApiClient, defineOperation } from '../src/internal.js';

type Op = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  requestBody?: { content: { 'application/json': { status: string } } };
  responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
};
interface Paths {
  '/things': { parameters: Op['parameters']; get: Op; post: Op; patch: Op };
}

const unavailable = () => stubFetch(new Response(null, { status: 503 }));
const client = (fetch: StubFetch, retry: ClientOptions['retry'] = { baseDelayMs: 1, maxDelayMs: 2 }) =>
  createApiClient<Paths>({ baseUrl: 'https://api.example.org', credentials: bearer('t'), profile: { provider: 'test' }, retry, fetch });
const methods = (fetch: StubFetch) => fetch.calls.map((call) => call.method);

describe('retries', () => {
  it('retries a GET on the raw client', async () => {
    const fetch = unavailable();
    const { response } = await client(fetch).GET('/things');
    expect(response.status).toBe(503);
    expect(methods(fetch)).toEqual(['GET', 'GET', 'GET']);
  });

  it('never retries a POST', async () => {
    const fetch = unavailable();
    await client(fetch).POST('/things', { body: { status: 'x' } });
    expect(methods(fetch)).toEqual(['POST']);
  });

  it('retries a PATCH only when its operation declares it idempotent', async () => {
    type Args = { body: { status: string } };
    type Result = { data?: { ok: boolean }; error?: unknown; response: Response };
    const patchPlain = defineOperation<object, Args, Result>({ operationId: 'patchPlain', method: 'patch', path: '/things' });
    const setStatus = defineOperation<object, Args, Result>({ operationId: 'setStatus', method: 'patch', path: '/things', idempotent: true });
    const plain = unavailable();
    await patchPlain(client(plain), { body: { status: 'active' } });
    expect(methods(plain)).toEqual(['PATCH']);
    const idempotent = unavailable();
    const error = await setStatus.orThrow(client(idempotent), { body: { status: 'active' } }).catch((e: unknown) => e);
    expect(methods(idempotent)).toEqual(['PATCH', 'PATCH', 'PATCH']);
    expect(idempotent.calls.map((call) => call.body)).toEqual(Array(3).fill('{"status":"active"}')); // the same body each time
    expect(error).toMatchObject({ code: 'provider', operationId: 'setStatus', attempts: 3, provider: 'test' });
  });

  it('honours maxRetries', async () => {
    const fetch = unavailable();
    await client(fetch, { maxRetries: 4, baseDelayMs: 1 }).GET('/things');
    expect(fetch.calls).toHaveLength(5);
  });
});
