import { attempt, type CallPlan } from './attempt.js';
import { checkNumber } from './call-options.js';
import type { ClientContext } from './client-context.js';
import { invalidInput, ParleyError } from './errors.js';
import { checkHeaders } from './headers.js';
import type { ApiResult } from './operation.js';
import { backoffDelay, parseRetryAfter, resolveRetry } from './retry.js';
import { logEvent } from './log.js';
import { sleep } from './sleep.js';
import { failure } from './to-parley-error.js';

/** The answer a call ended with, and what its error message needs to say. */
export interface Final {
  result: ApiResult;
  attempts: number;
  /** Why a retryable answer was not retried, for the message. */
  note?: string;
  /** For an answer that asks to try later: its Retry-After, else the backoff the client would wait. */
  retryAfterMs?: number;
}

/**
 * A call: attempts until one gives an answer that is final, within the retry policy and the
 * deadline. Throws a ParleyError when no usable answer came.
 */
export async function runCall(context: ClientContext, plan: CallPlan): Promise<Final> {
  const { provider, isThrottle } = context.profile;
  const { options } = plan;
  if (typeof options !== 'object') throw invalidInput(provider, 'options must be an object', 'options');
  if (options.headers) checkHeaders(provider, options.headers);
  if (options.signal && !(options.signal instanceof AbortSignal)) throw invalidInput(provider, 'signal must be an AbortSignal', 'signal');
  const retry = options.retry === undefined ? context.retry : resolveRetry(provider, context.retry, options.retry);
  const timeoutMs = checkNumber(provider, 'timeoutMs', options.timeoutMs ?? context.timeoutMs);
  const deadlineMs = options.deadlineMs ?? context.deadlineMs;
  const deadlineAt = deadlineMs === undefined ? Infinity : Date.now() + checkNumber(provider, 'deadlineMs', deadlineMs);
  // A signal of the call's own, following the caller's: waits and attempts listen to it, so a
  // signal shared by many calls gains no listener per call (Node warns past ten).
  const signal = options.signal && AbortSignal.any([options.signal]);
  // Safe to send twice; PATCH only when its operation says so (x-parley-idempotent), never POST.
  const idempotent = plan.idempotent ?? /^(GET|HEAD|OPTIONS|PUT|DELETE)$/.test(plan.method);

  for (let attempts = 1; ; attempts++) {
    if (signal?.aborted) {
      throw failure(context, plan, attempts - 1, 'cancelled', `cancelled by the caller${attempts > 1 ? ' while waiting to retry' : ''}`, { cause: signal.reason });
    }
    const outcome = await attempt(context, plan, { attempts, signal, timeoutMs, deadlineMs, deadlineAt });
    const more = idempotent && attempts <= retry.maxRetries;
    let delay: number;
    if (outcome instanceof ParleyError) {
      delay = backoffDelay(attempts, retry);
      // Only what may go better next time: a network failure or an attempt's own timeout (one cut
      // by the deadline leaves no time for a wait).
      if (!more || !/^(network|timeout)$/.test(outcome.code) || Date.now() + delay >= deadlineAt) throw outcome;
    } else {
      const { status, headers } = outcome.response;
      if (outcome.response.ok || !([408, 429, 500, 502, 503, 504].includes(status) || isThrottle?.(status, headers, outcome.error))) return { result: outcome, attempts };
      const asked = parseRetryAfter(headers.get('retry-after'));
      delay = asked ?? backoffDelay(attempts, retry);
      const final = { result: outcome, attempts, retryAfterMs: delay };
      if (asked! > retry.maxRetryAfterMs) return { ...final, note: `Retry-After ${delay / 1000} s exceeds maxRetryAfterMs` };
      if (!more) return final;
      if (Date.now() + delay >= deadlineAt) return { ...final, note: `not retried: the wait would pass the ${deadlineMs} ms deadline` };
    }
    const reason = outcome instanceof ParleyError ? outcome.message : `HTTP ${outcome.response.status}`;
    logEvent(context, plan, attempts, { type: 'retry', delayMs: delay, reason });
    await sleep(delay, signal);
  }
}
