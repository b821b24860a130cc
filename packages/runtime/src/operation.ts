import type { CallOptions } from './call-options.js';
import { contextOf } from './client-context.js';
import type { ParleyError } from './errors.js';
import { toParleyError } from './to-parley-error.js';
import { createCallFetch, type CallState } from './transport.js';

/** What an operation passes to openapi-fetch besides its own parameters. */
export interface SendInit {
  fetch: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
}

export interface OperationMeta {
  /** The spec's operationId, reported in errors. */
  operationId: string;
  /** Safe to retry. Defaults to the HTTP method's idempotency; set it for a PATCH that sets a state. */
  idempotent?: boolean;
}

export type ApiResult = { data?: unknown; error?: unknown; response: Response };
/** The success body of an openapi-fetch result. */
export type DataOf<R> = R extends { data: infer D } ? Exclude<D, undefined> : never;
/** The vendor's error body of an openapi-fetch result. */
export type ErrorBodyOf<R> = R extends { error: infer E } ? Exclude<E, undefined> : never;

/** An operation's arguments after the client: `args` may be left out when nothing in it is required. */
export type OperationParams<A> = undefined extends A ? [args?: A, options?: CallOptions] : {} extends A ? [args?: A, options?: CallOptions] : [args: A, options?: CallOptions];

export interface Operation<C, A, R> {
  /** openapi-fetch's `{ data, error, response }`. Throws a ParleyError only when no usable answer came. */
  (client: C, ...params: OperationParams<A>): Promise<R>;
  /** The success body, or a thrown `ParleyError` whose `body` is the vendor's error payload. */
  orThrow(client: C, ...params: OperationParams<A>): Promise<DataOf<R>>;
}

/**
 * Turns one openapi-fetch call into an operation with the runtime's timeouts, retries and typed
 * errors, in both styles.
 */
export function operation<C extends object, A, R extends ApiResult>(
  meta: OperationMeta,
  send: (client: C, args: A, init: SendInit) => Promise<R>,
): Operation<C, A, R> {
  async function run(client: C, args: A, options: CallOptions = {}) {
    const { profile, transport } = contextOf(client);
    const state: CallState = { attempts: 0, bodyText: '' };
    const fetch = createCallFetch(transport, { ...options, operationId: meta.operationId, idempotent: meta.idempotent }, state);
    let result = await send(client, args, { fetch, ...(options.headers && { headers: options.headers }) });
    // A success status whose body says it failed is an error in both styles.
    if (result.response.ok && result.data !== undefined && profile.failureIn?.(result.data)) {
      result = { error: result.data, response: result.response } as R;
    }
    const failed = result.error !== undefined || !result.response.ok;
    const error = () => toParleyError(result.response, state, profile, transport.redact, meta.operationId) as ParleyError<ErrorBodyOf<R>>;
    return { result, failed, error };
  }

  const call = async (client: C, args?: A, options?: CallOptions) => (await run(client, args as A, options)).result;
  call.orThrow = async (client: C, args?: A, options?: CallOptions) => {
    const { result, failed, error } = await run(client, args as A, options);
    if (failed) throw error();
    return result.data as DataOf<R>;
  };
  return call as Operation<C, A, R>;
}
