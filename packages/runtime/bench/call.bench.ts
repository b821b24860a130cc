// What the runtime costs per call, next to openapi-fetch alone, with a stubbed fetch so only client
// code is measured (the model: openapi-fetch's own test/bench). `pnpm bench` prints ops/s.
import createClient from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import { bench, describe } from 'vitest';
import { bearer, createApiClient, defineOperation } from '../src/internal.js';

interface Paths {
  '/things/{id}': {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    put: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody: { content: { 'application/json': { status: string } } };
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { id: string; status: string } } } };
    };
  };
}

const baseUrl = 'https://api.example.org';
const answer = JSON.stringify({ id: 'p-1', status: 'active' });
const fetch = async (_: Request) => new Response(answer, { headers: { 'content-type': 'application/json' } });
const args = { params: { path: { id: 'p-1' } }, body: { status: 'active' } };

const plain = createClient<Paths>({ baseUrl, fetch, headers: { Authorization: 'Bearer t0k' } });
const parley = createApiClient<Paths>({ baseUrl, credentials: bearer('t0k'), profile: { provider: 'bench' }, fetch });
const updateThing = defineOperation<Client<Paths>, { path: { id: string }; body: { status: string } }, { data?: unknown; response: Response }>({ operationId: 'updateThing', method: 'put', path: '/things/{id}' });

describe('PUT with a JSON body and answer, stubbed fetch', () => {
  bench('openapi-fetch alone', async () => {
    await plain.PUT('/things/{id}', args);
  });
  bench('Parley raw client (runtime under openapi-fetch)', async () => {
    await parley.PUT('/things/{id}', args);
  });
  bench('Parley operation .orThrow', async () => {
    await updateThing.orThrow(parley, { path: { id: 'p-1' }, body: { status: 'active' } });
  });
});
