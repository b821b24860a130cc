import type { CallOptions } from './call-options.js';

export interface OperationMeta {
  /** The spec's operationId, reported in errors. */
  operationId: string;
  /** The HTTP method: decides idempotency and whether redirects are followed. */
  method: string;
  /** Safe to retry. Defaults to the HTTP method's idempotency; set it for a PATCH that sets a state. */
  idempotent?: boolean;
  /** Success statuses the spec declares without a body; any other empty success is a broken answer. */
  noContent?: readonly number[];
  /** The spec's security is `[]` (a token endpoint): the request goes without `Authorization`. */
  anonymous?: boolean;
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
