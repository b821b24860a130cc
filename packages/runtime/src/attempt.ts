import { readAnswer } from './answer.js';
import type { CallOptions } from './call-options.js';
import type { ClientContext } from './client-context.js';
import { giveBack, takeController, type PooledController } from './controllers.js';
import { ParleyError, type ParleyErrorDetails } from './errors.js';
import type { ApiResult } from './operation.js';
import { logEvent } from './log.js';
import { redactHeaders } from './redact.js';
import { failure } from './to-parley-error.js';

/** One call as the runtime runs it: what to send (openapi-fetch's path and options) and how. */
export interface CallPlan {
  /** Upper case, as sent. */
  method: string;
  /** The spec's path template, e.g. `/chats/{chatId}`. */
  path: string;
  /** openapi-fetch's options for the call: params, body, and any of its own (parseAs, middleware…). */
  init: { parseAs?: string; [option: string]: unknown };
  options: CallOptions;
  operationId?: string | undefined;
  /** Overrides the method's idempotency, e.g. for a PATCH that sets a state. */
  idempotent?: boolean | undefined;
  /** Success statuses the spec declares without a body; unset (raw client calls), any may be empty. */
  noContent?: readonly number[] | undefined;
  /** Sent without `Authorization`, not even one from the caller's headers (the spec's security is `[]`). */
  anonymous?: boolean | undefined;
}

export interface AttemptLimits {
  attempts: number;
  /** The call's own signal, following the caller's. */
  signal: AbortSignal | undefined;
  timeoutMs: number;
  deadlineMs: number | undefined;
  deadlineAt: number;
}

/**
 * One attempt: one openapi-fetch call, which builds the request and reads the answer, under a
 * timer that so covers the body too, cut short by the call's deadline. Resolves to the answer or
 * to the ParleyError saying why there is none. Writes never follow redirects: fetch would turn a
 * 303 into a GET and cannot re-send a streamed body on a 307.
 */
export function attempt(context: ClientContext, plan: CallPlan, limits: AttemptLimits): Promise<ApiResult | ParleyError> {
  const { signal, timeoutMs, deadlineMs, attempts } = limits;
  const remaining = limits.deadlineAt - Date.now();
  const byDeadline = remaining <= timeoutMs;
  const pooled = takeController(context.controllers);
  const { controller } = pooled;
  const timer = setTimeout(abort, Math.max(0, byDeadline ? remaining : timeoutMs), controller);
  // fetch is called as `fetch(request, { signal })`: a request carrying the signal itself would
  // cost more, as undici makes every request with a signal follow it.
  const fetchInit = { signal: signal ? AbortSignal.any([signal, controller.signal]) : controller.signal };
  const text = !plan.init.parseAs || plan.init.parseAs === 'json';
  let sent = false;
  // Promise handlers rather than async/await, and few closures: at high concurrency every object
  // an attempt keeps alive, and every microtask, shows in the throughput.
  return context.inner
    .request(plan.method as 'get', plan.path as never, {
      ...plan.init,
      headers: plan.options.headers,
      parseAs: text ? 'text' : plan.init.parseAs,
      redirect: plan.method === 'GET' || plan.method === 'HEAD' ? 'follow' : 'manual',
      fetch: (request: Request) => {
        sent = true;
        // An operation whose spec security is `[]` (a token endpoint) goes without credentials.
        request.headers[plan.anonymous ? 'delete' : 'set']('Authorization', context.authorization);
        // Logging code is a chunk of its own, loaded by clients with a logger only.
        return context.logger ? import('./logged-fetch.js').then((module) => module.loggedFetch(context, plan, attempts, request, fetchInit, logEvent, redactHeaders)) : context.fetch(request, fetchInit);
      },
    } as never)
    .then(
      (result: ApiResult) => {
        done(context, plan, timer, pooled);
        const read = readAnswer(context, result, plan.noContent, text);
        const { status } = result.response;
        return typeof read === 'string' ? failure(context, plan, attempts, 'provider', `answered HTTP ${status} with ${read}`, { status }) : read;
      },
      (error: unknown) => {
        done(context, plan, timer, pooled);
        const fail = (code: ParleyError['code'], message: string, details?: ParleyErrorDetails) => failure(context, plan, attempts, code, message, details);
        if (error instanceof ParleyError) return error;
        if (signal?.aborted) return fail('cancelled', 'cancelled by the caller', { cause: signal.reason });
        if (controller.signal.aborted) return fail('timeout', `no complete answer within ${byDeadline ? `the ${deadlineMs} ms deadline` : `${timeoutMs} ms`}`);
        const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown } };
        if (!sent) return fail('invalid_input', `cannot build the request: ${message}`, { cause: error, field: 'args' });
        return fail('network', `network error: ${message}${cause?.code ? ` (${cause.code})` : ''}`, { cause: error });
      },
    );
}

const abort = (controller: AbortController) => controller.abort();

/** An attempt's end: its timer stopped, its controller given back unless the caller holds the body. */
function done(context: ClientContext, plan: CallPlan, timer: ReturnType<typeof setTimeout>, pooled: PooledController) {
  clearTimeout(timer);
  if (plan.init.parseAs !== 'stream') giveBack(context.controllers, pooled);
}
