import { attempt, type CallPlan, type Send } from './attempt.js';
import { checkMs } from './call-options.js';
import type { ClientContext } from './client-context.js';
import { checkHeaders } from './headers.js';
import type { ApiResult } from './operation.js';
import { backoffDelay, IDEMPOTENT_METHODS, parseRetryAfter, resolveRetry, RETRYABLE_STATUSES } from './retry.js';
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
export async function runCall(context: ClientContext, plan: CallPlan, send: Send): Promise<Final> {
  const { provider, isThrottle } = context.profile;
  const { options } = plan;
  checkHeaders(provider, options.headers);
  const retry = resolveRetry(provider, context.retry, options.retry);
  const timeoutMs = checkMs(provider, 'timeoutMs', options.timeoutMs ?? context.timeoutMs);
  const deadlineMs = options.deadlineMs ?? context.deadlineMs;
  const deadlineAt = deadlineMs === undefined ? Infinity : Date.now() + checkMs(provider, 'deadlineMs', deadlineMs);
  // A signal of the call's own, following the caller's: waits and attempts listen to it, so a
  // signal shared by many calls gains no listener per call (Node warns past ten).
  const signal = options.signal && AbortSignal.any([options.signal]);
  const idempotent = plan.idempotent ?? IDEMPOTENT_METHODS.has(plan.method);

  for (let attempts = 1; ; attempts++) {
    if (signal?.aborted) throw failure(context, plan, attempts - 1, 'cancelled', 'cancelled by the caller', { cause: signal.reason });
    const outcome = await attempt(context, plan, send, { attempts, signal, timeoutMs, deadlineMs, deadlineAt });
    const more = idempotent && attempts <= retry.maxRetries;
    let delay: number;
    if (outcome.error) {
      if (!outcome.retryable || !more) throw outcome.error;
      delay = backoffDelay(attempts, retry);
    } else {
      const { response, error } = outcome.result;
      const { status, headers } = response;
      if (response.ok || !(RETRYABLE_STATUSES.has(status) || isThrottle?.(status, headers, error))) return { result: outcome.result, attempts };
      const asked = parseRetryAfter(headers.get('retry-after'));
      delay = asked ?? backoffDelay(attempts, retry);
      const final = { result: outcome.result, attempts, retryAfterMs: delay };
      if (asked !== undefined && asked > retry.maxRetryAfterMs) return { ...final, note: `it asks to wait ${Math.ceil(delay / 1000)} s, more than the ${retry.maxRetryAfterMs / 1000} s this client waits` };
      if (!more) return final;
      if (Date.now() + delay >= deadlineAt) return { ...final, note: `not retried: the wait would pass the call's deadline of ${deadlineMs} ms` };
    }
    if (Date.now() + delay >= deadlineAt) throw outcome.error!;
    const reason = outcome.error ? outcome.error.message : `HTTP ${outcome.result.response.status}`;
    context.logger?.({ type: 'retry', provider, operationId: plan.operationId, attempt: attempts, delayMs: delay, reason });
    await sleep(delay, signal).catch((reason: unknown) => {
      throw failure(context, plan, attempts, 'cancelled', 'cancelled by the caller while waiting to retry', { cause: reason });
    });
  }
}
