// What a client with `validateResponses: 'warn' | 'throw'` runs on each answer. Each vendor's
// generated contract module re-exports it, so that one dynamic import (create-api-client.ts) loads
// both: a client that does not validate loads neither.
import type { Middleware } from 'openapi-fetch';
import type { ClientContext } from './client-context.js';
import { checkAnswer, operationFor, responseFor, type Contract, type ContractViolation } from './contract.js';
import type { ParleyError } from './errors.js';
import type { Logger } from './log.js';
import type { redactHeaders as redactHeadersOf } from './redact.js';

/** A vendor's `@parley/<vendor>/contract`: its contract, and this check. */
export interface ContractModule {
  contract: Contract;
  validate: typeof validateResponses;
}

/** What openapi-fetch gives a middleware: before sending (no `response`), then with the answer. */
export type ValidationEvent = Parameters<NonNullable<Middleware['onRequest']>>[0] & { response?: Response };

// Statuses the runtime retries: any server may send them (a gateway's 503), retries and the usual
// error codes deal with them, so only a documented one is checked.
const RETRIED = [408, 429, 500, 502, 503, 504];
// As to-parley-error.ts reads them; repeated so that this chunk shares no module with the main one.
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-trace-id'];

/**
 * The middleware of a client with `validateResponses`: before its first request is sent, refuses a
 * mode that is none of 'off', 'warn', 'throw' (checked here rather than by the factory, which would
 * cost every client's bundle the bytes); then checks each answer against the vendor's contract, and
 * warns of each departure or throws a `contract` ParleyError, which the runtime neither retries nor
 * wraps. The runtime's error class and header redaction come as arguments: imported here, they would
 * be shared by this chunk and the main one, and bundlers would move them into a third chunk every
 * client loads. Positional, for the fewest bytes in the caller.
 */
export async function validateResponses(
  { request, response, schemaPath, options }: ValidationEvent,
  mode: string,
  contract: Contract,
  context: ClientContext,
  Failure: typeof ParleyError,
  redactHeaders: typeof redactHeadersOf,
): Promise<Response | undefined> {
  const { provider } = context.profile;
  if (mode !== 'warn' && mode !== 'throw') {
    throw new Failure('invalid_input', `${provider}: validateResponses must be 'off', 'warn' or 'throw'`, { provider, field: 'validateResponses' });
  }
  // A streamed body is the caller's to read; an opaque redirect (a browser's, status 0) has none.
  if (!response || options.parseAs === 'stream' || !response.status) return undefined;
  const operation = operationFor(contract, request.method, schemaPath);
  const { status } = response;
  if (operation && !responseFor(operation, status) && RETRIED.includes(status)) return undefined;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const head = request.method === 'HEAD';
  // A status the Response constructor refuses (600 and over, which fetch passes on) is read from a
  // clone, so that openapi-fetch reads the original.
  const copyable = status <= 599;
  const body = head ? '' : await (copyable ? response : response.clone()).text();
  const operationId = operation?.operationId ?? `${request.method} ${schemaPath}`;
  const violations = checkAnswer(contract, operationId, { status, headers, body });
  if (mode === 'warn') for (const violation of violations) warn(context.logger, violation);
  else if (violations.length) throw contractError(response, headers, body, operationId, violations, context, Failure, redactHeaders);
  // openapi-fetch reads the answer after this: the same one again, from the text read here (a
  // copy made with clone() would cost a stream tee, about twice the whole check).
  return head || !copyable ? undefined : again(response, body);
}

/** `response` as it was before its body was read, with that body. */
function again(response: Response, body: string): Response {
  const copy = new Response(body || null, response);
  // What the constructor cannot set, for callers that read them off the result's `response`.
  return Object.defineProperties(copy, { url: { value: response.url }, redirected: { value: response.redirected } });
}

function contractError(
  response: Response,
  headers: Record<string, string>,
  body: string,
  operationId: string,
  violations: ContractViolation[],
  context: ClientContext,
  Failure: typeof ParleyError,
  redactHeaders: typeof redactHeadersOf,
): ParleyError {
  const { provider } = context.profile;
  const { status } = response;
  const requestId = REQUEST_ID_HEADERS.map((name) => headers[name]).find(Boolean) ?? requestIdIn(context, body);
  return new Failure('contract', context.redact(`${provider} ${operationId}: HTTP ${status} departs from the spec: ${describe(violations)}`), {
    provider,
    operationId,
    status,
    violations,
    headers: redactHeaders(response.headers, context.redact),
    requestId: requestId && context.redact(requestId),
  });
}

/** The request id the vendor put in a JSON body (SoftwareOne's `traceId`), as to-parley-error.ts reads it. */
function requestIdIn({ profile }: ClientContext, text: string): string | undefined {
  try {
    const data: unknown = JSON.parse(text);
    return data && typeof data === 'object' ? profile.requestId?.(data) : undefined;
  } catch {
    return undefined;
  }
}

const where = (violation: ContractViolation) => (violation.path ? `${violation.in} ${violation.path}` : violation.in);

/** The first three departures in words, and how many more. */
function describe(violations: readonly ContractViolation[]): string {
  const shown = violations.slice(0, 3).map((violation) => `${where(violation)} ${violation.message} (${violation.rule})`);
  return `${shown.join('; ')}${violations.length > 3 ? `; and ${violations.length - 3} more` : ''}`;
}

function warn(logger: Logger | undefined, violation: ContractViolation) {
  if (logger) logger({ type: 'contract', ...violation });
  else console.warn(`parley: ${violation.provider} ${violation.operationId}: HTTP ${violation.status} departs from the spec: ${where(violation)} ${violation.message} (${violation.rule})`);
}
