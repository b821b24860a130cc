import type { Client } from 'openapi-fetch';
import type { AttemptInit } from './attempt.js';
import { runCall } from './call.js';
import type { ClientContext } from './client-context.js';
import type { ApiResult } from './operation.js';

type RawInit = { params?: { path?: object }; headers?: Record<string, string>; signal?: AbortSignal; parseAs?: AttemptInit['parseAs'] } & Record<string, unknown>;
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * The client applications hold: openapi-fetch's interface, each call run by the runtime (retries by
 * HTTP method, timeouts, typed errors), `use`/`eject` on the plain client underneath.
 */
export function rawClient(context: ClientContext): Client<{}> {
  const { inner } = context;
  const request = (method: string, path: string, init: RawInit = {}): Promise<ApiResult> => {
    const { signal, headers, parseAs, ...rest } = init ?? {};
    // The serializer refuses a missing path parameter; left out, openapi-fetch sends `{id}` as it is.
    if (path.includes('{')) rest.params = { ...rest.params, path: rest.params?.path ?? {} };
    const plan = { method: method.toUpperCase(), parseAs, options: { signal: signal ?? undefined, headers } };
    return runCall(context, plan, (attemptInit) => inner.request(plan.method as 'get', path as never, { ...rest, ...attemptInit } as never)).then(
      (final) => final.result,
    );
  };
  const methods = Object.fromEntries(METHODS.map((method) => [method, (path: string, init?: RawInit) => request(method, path, init)]));
  return { ...methods, request, use: inner.use, eject: inner.eject } as unknown as Client<{}>;
}
