import { runCall } from './call.js';
import type { CallOptions } from './call-options.js';
import { contextOf } from './client-context.js';
import { invalidInput, type ParleyError } from './errors.js';
import type { ApiResult, DataOf, ErrorBodyOf, Operation, OperationMeta } from './operation.js';
import { toParleyError } from './to-parley-error.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** An operation as its spec states it; generated into each vendor package. */
export interface OperationDefinition extends OperationMeta {
  method: HttpMethod;
  /** The spec's path template, e.g. `/chats/{chatId}/participants`. */
  path: string;
}

/** The parts of a call the spec may define; each operation's generated `Args` type says which. */
export interface OperationArgs {
  path?: object;
  query?: object;
  header?: object;
  body?: unknown;
}

/**
 * One spec operation, in both styles, with the runtime's timeouts, retries and typed errors. The
 * path parameters always go to the serializer, which refuses a missing one (openapi-fetch would
 * send the template's `{id}` as it is); what is undefined is left out of the request.
 */
export function defineOperation<C extends object, A extends OperationArgs | undefined, R extends ApiResult>({
  method,
  path,
  operationId,
  idempotent,
  noContent = [],
}: OperationDefinition): Operation<C, A, R> {
  async function run(client: C, args: A, options: CallOptions | undefined) {
    const context = contextOf(client);
    if (options != null && typeof options !== 'object') throw invalidInput(context.profile.provider, 'options must be an object', 'options');
    const { path: pathParams, query, header, body } = (args ?? {}) as OperationArgs;
    const plan = { method: method.toUpperCase(), path, init: { params: { path: pathParams ?? {}, query, header }, body }, options: options ?? {}, operationId, idempotent, noContent };
    const final = await runCall(context, plan);
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
