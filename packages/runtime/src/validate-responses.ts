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

/**
 * The middleware of a client with `validateResponses`: before each request is sent, refuses a mode
 * that is none of 'off', 'warn', 'throw'; then checks each answer, and warns or throws a `contract`
 * ParleyError for its departures from the spec. The runtime's error class and header redaction come
 * as arguments: imported here, they would be shared by this chunk and the main one, and bundlers
 * would move them into a third chunk every client loads. Positional, for the fewest bytes in the caller.
 */
export async function validateResponses(
  { request, response, schemaPath, options }: ValidationEvent,
  mode: string,
  contract: Contract,
  context: ClientContext,
  Failure: typeof ParleyError,
  redactHeaders: typeof redactHeadersOf,
): Promise<undefined> {
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
  // A copy: openapi-fetch reads the answer itself afterwards.
  const body = request.method === 'HEAD' ? '' : await response.clone().text();
  const operationId = operation?.operationId ?? `${request.method} ${schemaPath}`;
  const violations = checkAnswer(contract, operationId, { status, headers, body });
  if (!violations.length) return undefined;
  if (mode === 'warn') {
    for (const violation of violations) warn(context.logger, violation);
    return undefined;
  }
  throw new Failure('contract', context.redact(`${provider} ${operationId}: HTTP ${status} departs from the spec: ${describe(violations)}`), {
    provider,
    operationId,
    status,
    violations,
    headers: redactHeaders(response.headers, context.redact),
  });
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
