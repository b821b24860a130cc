// A one-path API for the runtime's unit tests: `GET /things` answering `{ ok }`, on a client whose
// fetch is the test's stub.
import type { Client } from 'openapi-fetch';
import type { ClientOptions } from '../src/index.js';
import { bearer, createApiClient, defineOperation } from '../src/internal.js';

export interface Paths {
  '/things': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
    };
  };
}

export const createThingsClient = (fetch: (request: Request) => Promise<Response>, options: ClientOptions = {}) =>
  createApiClient<Paths>({ baseUrl: 'https://api.example.org', credentials: bearer('t0k'), profile: { provider: 'test' }, fetch, ...options });

type ListThingsResult = { data?: { ok: boolean }; error?: unknown; response: Response };
export const listThings = defineOperation<Client<Paths>, undefined, ListThingsResult>({ operationId: 'listThings', method: 'get', path: '/things' });
