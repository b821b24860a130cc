import { runCall } from './call.js';
import type { CallOptions } from './call-options.js';
import { contextOf } from './client-context.js';
import type { ApiResult, Operation, OperationMeta } from './operation.js';
import { toParleyError } from './to-parley-error.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** An operation as its spec states it; generated into each vendor package. */
export interface OperationDefinition extends OperationMeta {
  method: HttpMethod;
  /** The spec's path template, e.g. `/chats/{chatId}/participants`. */
  path: string;
  /** The body's media type when not JSON: form-encoded, which openapi-fetch serializes by this Content-Type. */
  mediaType?: string;
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
export function defineOperation<C extends object, A extends OperationArgs | undefined, R extends ApiResult>(definition: OperationDefinition): Operation<C, A, R> {
  const { method, mediaType } = definition;
  const upper = method.toUpperCase();
  const run = async (client: C, args: A | undefined, options: CallOptions | undefined, orThrow: boolean) => {
    const context = contextOf(client);
    const { path, query, header, body } = (args ?? {}) as OperationArgs;
    const params = { path: path ?? {}, query, header: mediaType ? { ...header, 'Content-Type': mediaType } : header };
    // The definition's operationId, idempotent, anonymous…; no noContent means no status may be empty.
    const plan = { noContent: [], ...definition, method: upper, init: { params, body }, options: options ?? {} };
    const final = await runCall(context, plan);
    const { result } = final;
    if (!orThrow) return result;
    if (result.error !== undefined || !result.response.ok) throw toParleyError(context, plan, final);
    return result.data;
  };
  const call = (client: C, args?: A, options?: CallOptions) => run(client, args, options, false);
  call.orThrow = (client: C, args?: A, options?: CallOptions) => run(client, args, options, true);
  return call as unknown as Operation<C, A, R>;
}
