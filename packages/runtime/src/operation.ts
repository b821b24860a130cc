import type { AttemptInit, CallPlan } from './attempt.js';
import { runCall } from './call.js';
import type { CallOptions } from './call-options.js';
import { contextOf } from './client-context.js';
import { invalidInput, type ParleyError } from './errors.js';
import { toParleyError } from './to-parley-error.js';

/** What an operation passes to openapi-fetch for one attempt, besides its own parameters. */
export type SendInit = AttemptInit;

export interface OperationMeta {
  /** The spec's operationId, reported in errors. */
  operationId: string;
  /** The HTTP method: decides idempotency and whether redirects are followed. */
  method: string;
  /** Safe to retry. Defaults to the HTTP method's idempotency; set it for a PATCH that sets a state. */
  idempotent?: boolean;
  /** Success statuses the spec declares without a body; any other empty success is a broken answer. */
  noContent?: readonly number[];
}

export type ApiResult = { data?: unknown; error?: unknown; response: Response };
/** The success body of an openapi-fetch result; `undefined` for an operation that answers with none. */
export type DataOf<R> = R extends { data: infer D } ? ([Exclude<D, undefined>] extends [never] ? undefined : Exclude<D, undefined>) : never;
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
 * errors, in both styles. `send` is called once per attempt, on the plain openapi-fetch client.
 */
export function operation<C extends object, A, R extends ApiResult>(
  meta: OperationMeta,
  send: (client: C, args: A, init: SendInit) => Promise<R>,
): Operation<C, A, R> {
  const method = meta.method.toUpperCase();
  const { operationId, idempotent, noContent = [] } = meta;
  async function run(client: C, args: A, options: CallOptions | undefined) {
    const context = contextOf(client);
    if (options != null && typeof options !== 'object') throw invalidInput(context.profile.provider, 'call options must be an object', 'options');
    const plan: CallPlan = { method, operationId, idempotent, noContent, options: options ?? {} };
    const final = await runCall(context, plan, (init) => send(context.inner as C, args, init));
    const { error, response } = final.result;
    return { result: final.result as R, failed: error !== undefined || !response.ok, error: () => toParleyError(context, plan, final) as ParleyError<ErrorBodyOf<R>> };
  }

  const call = async (client: C, args?: A, options?: CallOptions) => (await run(client, args as A, options)).result;
  call.orThrow = async (client: C, args?: A, options?: CallOptions) => {
    const { result, failed, error } = await run(client, args as A, options);
    if (failed) throw error();
    return result.data as DataOf<R>;
  };
  return call as Operation<C, A, R>;
}
