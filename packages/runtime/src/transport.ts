import { parseBody, quoteBody } from './body.js';
import { invalidInput, ParleyError, type ParleyErrorCode } from './errors.js';
import type { LogEvent, Logger } from './log.js';
import type { VendorProfile } from './profile.js';
import { redactHeaders, type Redactor } from './redact.js';
import { backoffDelay, IDEMPOTENT_METHODS, parseRetryAfter, resolveRetry, RETRYABLE_STATUSES, type RetrySetting } from './retry.js';
import { MAX_TIMER_MS, sleep } from './sleep.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The timeout, or an `invalid_input` error when it is not a whole-timer number of ms. */
export function checkTimeout(provider: string, timeoutMs: unknown): number {
  if (typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS) return timeoutMs;
  throw invalidInput(provider, `timeoutMs must be a number of milliseconds from 1 to ${MAX_TIMER_MS} (got ${String(timeoutMs)})`, 'timeoutMs');
}

export interface TransportConfig {
  profile: VendorProfile;
  /** The `Authorization` header value, set on every attempt after any caller's headers. */
  authorization: string;
  fetch: (request: Request) => Promise<Response>;
  timeoutMs: number;
  retry: RetrySetting | undefined;
  redact: Redactor;
  logger: Logger | undefined;
}

export interface CallSettings {
  operationId?: string;
  /** Overrides the method's idempotency, e.g. for a PATCH that sets a state. */
  idempotent?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetrySetting;
}

/** What one call learnt, for the error the operation layer may build afterwards. */
export interface CallState {
  attempts: number;
  /** The last answer's body, already scrubbed of secrets. */
  bodyText: string;
  /** Set when the vendor asked to wait longer than `maxRetryAfterMs` allows. */
  retryAfterMs?: number;
  maxRetryAfterMs?: number;
}

/** "3 attempts": how every error message ends. */
export const attemptsText = (attempts: number) => `${attempts} attempt${attempts === 1 ? '' : 's'}`;

/** A log event without the fields every event of a call shares. */
type Event = LogEvent extends infer E ? (E extends LogEvent ? Omit<E, 'provider' | 'operationId' | 'attempt'> : never) : never;

/**
 * Returns a fetch for one call that makes up to 1 + maxRetries attempts. Each attempt has its own
 * timeout covering the headers and the whole body, so the body is buffered here; the caller's
 * signal cancels at once. What it returns is a buffered Response openapi-fetch can read.
 */
export function createCallFetch(config: TransportConfig, settings: CallSettings, state: CallState) {
  const { profile, redact, logger } = config;
  const { provider } = profile;
  const { operationId, signal } = settings;
  const retry = resolveRetry(provider, config.retry, settings.retry);
  const timeoutMs = checkTimeout(provider, settings.timeoutMs ?? config.timeoutMs);
  state.maxRetryAfterMs = retry.maxRetryAfterMs;
  const log = (event: Event) => logger?.({ ...event, provider, operationId, attempt: state.attempts } as LogEvent);
  const fail = (code: ParleyErrorCode, message: string, cause?: unknown) =>
    new ParleyError(code, redact(`${provider} ${operationId ?? 'request'}: ${message} (${attemptsText(state.attempts)})`), {
      provider,
      operationId,
      attempts: state.attempts,
      cause,
    });
  const cancelled = () => fail('cancelled', 'cancelled by the caller', signal?.reason);

  return async (request: Request): Promise<Response> => {
    const idempotent = settings.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
    const body = request.body && (await request.arrayBuffer());
    for (;;) {
      state.attempts += 1;
      if (signal?.aborted) throw cancelled();
      const retryable = idempotent && state.attempts <= retry.maxRetries;
      let response: Response;
      try {
        response = await attempt(request, body);
      } catch (error) {
        if (!retryable || (error as ParleyError).code === 'cancelled') throw error;
        await wait(backoffDelay(state.attempts, retry), (error as ParleyError).message);
        continue;
      }
      const { bodyText } = state;
      if (RETRYABLE_STATUSES.has(response.status) || profile.isThrottle?.(response.status, response.headers, bodyText)) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
        if (retryAfter !== undefined && retryAfter > retry.maxRetryAfterMs) {
          state.retryAfterMs = retryAfter;
          return response;
        }
        if (retryable) {
          await wait(retryAfter ?? backoffDelay(state.attempts, retry), `HTTP ${response.status}`);
          continue;
        }
      } else if (response.ok && parseBody(bodyText).kind === 'text') {
        throw fail('provider', `answered HTTP ${response.status} with a body that is not JSON: ${quoteBody(bodyText)}`);
      }
      return response;
    }
  };

  /** One attempt: the answer, its body read and scrubbed into `state.bodyText`; or a ParleyError. */
  async function attempt(request: Request, body: ArrayBuffer | null): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const started = Date.now();
    const sent = new Request(request, { body, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    sent.headers.set('Authorization', config.authorization);
    const url = redact(sent.url);
    try {
      log({ type: 'request', method: sent.method, url, headers: redactHeaders(sent.headers, redact) });
      const received = await config.fetch(sent);
      const bodyText = (state.bodyText = redact(await received.text()));
      log({ type: 'response', method: sent.method, url, status: received.status, ms: Date.now() - started });
      // A new Response around the already-read body, so openapi-fetch can parse it. It is no longer
      // chunked, and an empty one says so in Content-Length: that is how openapi-fetch skips parsing.
      const response = new Response(bodyText || null, received);
      response.headers.delete('transfer-encoding');
      if (!bodyText) response.headers.set('content-length', '0');
      Object.defineProperty(response, 'url', { value: received.url });
      return response;
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      if (timeout.aborted) throw fail('timeout', `no complete answer within ${timeoutMs} ms`);
      const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
      throw fail('network', `network error: ${(error as Error)?.message ?? error}${code ? ` (${code})` : ''}`, error);
    }
  }

  async function wait(delayMs: number, reason: string) {
    log({ type: 'retry', delayMs, reason });
    await sleep(delayMs, signal).catch(() => {
      throw fail('cancelled', 'cancelled by the caller while waiting to retry', signal?.reason);
    });
  }
}
