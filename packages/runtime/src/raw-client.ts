import type { Client } from 'openapi-fetch';
import { runCall } from './call.js';
import type { ClientContext } from './client-context.js';
import type { ApiResult } from './operation.js';

type RawInit = { params?: { path?: object }; headers?: Record<string, string>; signal?: AbortSignal } & Record<string, unknown>;

/**
 * The client applications hold: openapi-fetch's interface, each call run by the runtime (retries by
 * HTTP method, timeouts, typed errors), `use`/`eject` on the plain client underneath.
 */
export function rawClient(context: ClientContext): Client<{}> {
  const { inner } = context;
  const request = async (method: string, path: string, init?: RawInit): Promise<ApiResult> => {
    const { signal, headers, ...rest } = init ?? {};
    // The serializer refuses a missing path parameter; left out, openapi-fetch sends `{id}` as it is.
    rest.params = { ...rest.params, path: rest.params?.path ?? {} };
    return (await runCall(context, { method: method.toUpperCase(), path, init: rest, options: { signal, headers } })).result;
  };
  // openapi-fetch's own methods: GET, PUT… through the runtime, use/eject as they are.
  const client: Record<string, unknown> = { ...inner, request };
  for (const method in inner) if (/^[A-Z]/.test(method)) client[method] = (path: string, init?: RawInit) => request(method, path, init);
  return client as unknown as Client<{}>;
}
