import { operation, type ApiResult, type Operation, type OperationMeta } from './operation.js';

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

type RequestClient = { request(method: string, path: string, init: object): Promise<ApiResult> };

/** One spec operation on an openapi-fetch client, with the runtime's timeouts, retries and errors. */
export function defineOperation<C extends object, A extends OperationArgs | undefined, R extends ApiResult>(
  definition: OperationDefinition,
): Operation<C, A, R> {
  const { method, path } = definition;
  return operation<C, A, R>(definition, (client, args, init) => {
    // openapi-fetch skips what is undefined: no query string, no extra headers, no body. The path
    // parameters always go to the serializer, which refuses a missing one (openapi-fetch would
    // otherwise send the template's `{id}` as it is).
    const { path: pathParams, query, header, body } = (args ?? {}) as OperationArgs;
    return (client as unknown as RequestClient).request(method, path, { params: { path: pathParams ?? {}, query, header }, body, ...init }) as Promise<R>;
  });
}
