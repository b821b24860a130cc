import { readAnswer, type BodyRules } from './answer.js';
import type { CallOptions } from './call-options.js';
import type { ClientContext } from './client-context.js';
import { ParleyError, type ParleyErrorDetails } from './errors.js';
import type { ApiResult } from './operation.js';
import { REDACTED, redactHeaders } from './redact.js';
import { failure } from './to-parley-error.js';

/** What the runtime adds to openapi-fetch's options for one attempt. */
export interface AttemptInit {
  signal: AbortSignal;
  fetch: (request: Request) => Promise<Response>;
  parseAs: 'text' | 'json' | 'blob' | 'arrayBuffer' | 'stream';
  redirect: RequestRedirect;
  headers?: Record<string, string>;
}

/** One attempt: one openapi-fetch call, which builds the request and reads the answer. */
export type Send = (init: AttemptInit) => Promise<ApiResult>;

/** One call as the runtime runs it. */
export interface CallPlan extends BodyRules {
  /** Upper case, as sent. */
  method: string;
  operationId?: string | undefined;
  /** Overrides the method's idempotency, e.g. for a PATCH that sets a state. */
  idempotent?: boolean | undefined;
  /** The caller's own `parseAs` (raw client); unset, the runtime reads text and parses JSON once. */
  parseAs?: AttemptInit['parseAs'] | undefined;
  options: CallOptions;
}

export interface AttemptLimits {
  attempts: number;
  /** The call's own signal, following the caller's. */
  signal: AbortSignal | undefined;
  timeoutMs: number;
  deadlineMs: number | undefined;
  deadlineAt: number;
}

/** An answer (success or the vendor's error), or why there is none and whether trying again may help. */
export type Outcome = { result: ApiResult; error?: undefined } | { error: ParleyError; retryable: boolean; result?: undefined };

/**
 * One attempt under a timer that covers the body too (openapi-fetch reads it before returning),
 * cut short by the call's deadline. Writes never follow redirects: fetch would turn a 303 into a
 * GET and cannot re-send a streamed body on a 307.
 */
export async function attempt(context: ClientContext, plan: CallPlan, send: Send, limits: AttemptLimits): Promise<Outcome> {
  const { signal, timeoutMs, deadlineMs, attempts } = limits;
  const remaining = limits.deadlineAt - Date.now();
  const byDeadline = remaining <= timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, byDeadline ? remaining : timeoutMs));
  const fail = (code: ParleyError['code'], message: string, details?: ParleyErrorDetails) => failure(context, plan, attempts, code, message, details);
  // JSON is read as text and parsed once, here, so that a broken body can be quoted in the error.
  const text = !plan.parseAs || plan.parseAs === 'json';
  let sent = false;
  try {
    const result = await send({
      signal: signal ? AbortSignal.any([signal, controller.signal]) : controller.signal,
      fetch: (request) => {
        sent = true;
        return context.logger ? logged(context, plan, attempts, request) : context.send(request);
      },
      parseAs: text ? 'text' : plan.parseAs!,
      redirect: plan.method === 'GET' || plan.method === 'HEAD' ? 'follow' : 'manual',
      ...(plan.options.headers && { headers: plan.options.headers }),
    });
    const read = readAnswer(context, result, plan, text);
    const { status } = result.response;
    return read.result ? { result: read.result } : { error: fail('provider', `answered HTTP ${status} with ${read.broken}`, { status }), retryable: false };
  } catch (error) {
    if (error instanceof ParleyError) return { error, retryable: false };
    if (signal?.aborted) return { error: fail('cancelled', 'cancelled by the caller', { cause: signal.reason }), retryable: false };
    if (controller.signal.aborted) {
      return byDeadline
        ? { error: fail('timeout', `no complete answer within the call's deadline of ${deadlineMs} ms`), retryable: false }
        : { error: fail('timeout', `no complete answer within ${timeoutMs} ms`), retryable: true };
    }
    const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown } };
    if (!sent) return { error: fail('invalid_input', `the request could not be built: ${message}`, { cause: error, field: 'args' }), retryable: false };
    return { error: fail('network', `network error: ${message ?? error}${cause?.code ? ` (${cause.code})` : ''}`, { cause: error }), retryable: true };
  } finally {
    clearTimeout(timer);
  }
}

/** Sends with request and response events for the client's logger; secrets scrubbed, Authorization blanked. */
async function logged(context: ClientContext, plan: CallPlan, attempt: number, request: Request): Promise<Response> {
  const { logger, redact } = context;
  const event = { provider: context.profile.provider, operationId: plan.operationId, attempt, method: request.method, url: redact(request.url) };
  const started = Date.now();
  logger!({ type: 'request', ...event, headers: { ...redactHeaders(request.headers, redact), authorization: REDACTED } });
  const response = await context.send(request);
  logger!({ type: 'response', ...event, status: response.status, ms: Date.now() - started });
  return response;
}
