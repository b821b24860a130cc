// Which calls the runtime retries, against a loopback server that always answers 503.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createApiClient, operation } from '../src/internal.js';

type Op = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  requestBody?: { content: { 'application/json': { status: string } } };
  responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
};
interface Paths {
  '/things': { parameters: Op['parameters']; get: Op; post: Op; patch: Op };
}

let methods: string[] = [];
const server = createServer((request, response) => {
  methods.push(request.method ?? '');
  request.resume();
  response.writeHead(503).end();
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () =>
  createApiClient<Paths>({ baseUrl, credentials: bearer('t'), profile: { provider: 'test' }, retry: { baseDelayMs: 1, maxDelayMs: 2 } });

describe('retries', () => {
  it('retries a GET on the raw client', async () => {
    methods = [];
    const { response } = await client().GET('/things');
    expect(response.status).toBe(503);
    expect(methods).toEqual(['GET', 'GET', 'GET']);
  });

  it('never retries a POST', async () => {
    methods = [];
    await client().POST('/things', { body: { status: 'x' } });
    expect(methods).toEqual(['POST']);
  });

  it('retries a PATCH only when its operation declares it idempotent', async () => {
    const send = (c: ReturnType<typeof client>, _: object, init: { fetch: (r: Request) => Promise<Response> }) =>
      c.PATCH('/things', { body: { status: 'active' }, ...init });
    methods = [];
    await operation({ operationId: 'patchPlain' }, send)(client(), {});
    expect(methods).toEqual(['PATCH']);
    methods = [];
    const error = await operation({ operationId: 'setStatus', idempotent: true }, send)
      .orThrow(client(), {})
      .catch((e: unknown) => e);
    expect(methods).toEqual(['PATCH', 'PATCH', 'PATCH']);
    expect(error).toMatchObject({ code: 'provider', operationId: 'setStatus', attempts: 3, provider: 'test' });
  });

  it('honours maxRetries', async () => {
    methods = [];
    const c = createApiClient<Paths>({ baseUrl, credentials: bearer('t'), profile: { provider: 'test' }, retry: { maxRetries: 4, baseDelayMs: 1 } });
    await c.GET('/things');
    expect(methods).toHaveLength(5);
  });
});
