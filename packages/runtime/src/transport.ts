import { quoteBody } from './body.js';
import { ParleyError, type ParleyErrorCode } from './errors.js';
import type { Logger } from './log.js';
import type { VendorProfile } from './profile.js';
import { redactHeaders, type Redactor } from './redact.js';
import {
  backoffDelay,
  IDEMPOTENT_METHODS,
  parseRetryAfter,
  resolveRetry,
  RETRYABLE_STATUSES,
  type RetryOptions,
  type RetrySetting,
} from './retry.js';
import { sleep } from './sleep.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface TransportConfig {
  profile: VendorProfile;
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
  /** Set when the vendor asked to wait longer than the cap allows. */
  retryAfterMs: number | undefined;
}

type Failure = { code: ParleyErrorCode; message: string; cause?: unknown };
type Outcome = { response: Response; bodyText: string } | { failure: Failure };

/**
 * Returns a fetch for one call that makes up to 1 + maxRetries attempts. Each attempt has its own
 * timeout covering the headers and the whole body, so the body is buffered here; the caller's
 * signal cancels at once. What it returns is a buffered Response openapi-fetch can read.
 */
export function createCallFetch(config: TransportConfig, settings: CallSettings, state: CallState) {
  const { profile, redact, logger } = config;
  const retry = resolveRetry(config.retry, settings.retry);
  const timeoutMs = settings.timeoutMs ?? config.timeoutMs;
  const base = { provider: profile.provider, operationId: settings.operationId };
  const fail = ({ code, message, cause }: Failure) => {
    const attempts = `${state.attempts} attempt${state.attempts === 1 ? '' : 's'}`;
    return new ParleyError(code, redact(`${profile.provider} ${settings.operationId ?? 'request'}: ${message} (${attempts})`), {
      ...base,
      attempts: state.attempts,
      cause,
    });
  };

  return async (request: Request): Promise<Response> => {
    const idempotent = settings.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
    const body = request.body ? await request.arrayBuffer() : undefined;
    for (;;) {
      state.attempts += 1;
      if (settings.signal?.aborted) throw fail({ code: 'cancelled', message: 'cancelled by the caller', cause: settings.signal.reason });
      const outcome = await attempt(request, body);
      const retryable = idempotent && state.attempts <= retry.maxRetries;
      if ('failure' in outcome) {
        if (!retryable || outcome.failure.code === 'cancelled') throw fail(outcome.failure);
        await wait(backoffDelay(state.attempts, retry), outcome.failure.message);
        continue;
      }
      const { response, bodyText } = outcome;
      state.bodyText = bodyText;
      const throttled = RETRYABLE_STATUSES.has(response.status) || (profile.isThrottle?.(response.status, response.headers, bodyText) ?? false);
      if (throttled) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
        if (retryAfter !== undefined && retryAfter > retry.maxRetryAfterMs) {
          state.retryAfterMs = retryAfter;
          return response;
        }
        if (retryable) {
          await wait(retryAfter ?? backoffDelay(state.attempts, retry), `HTTP ${response.status}`);
          continue;
        }
      } else if (response.ok && bodyText.trim() !== '' && !isJson(bodyText)) {
        throw fail({ code: 'provider', message: `answered HTTP ${response.status} with a body that is not JSON: ${quoteBody(bodyText)}` });
      }
      return response;
    }
  };

  async function attempt(request: Request, body: ArrayBuffer | undefined): Promise<Outcome> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = settings.signal ? AbortSignal.any([settings.signal, timeout.signal]) : timeout.signal;
    const started = Date.now();
    try {
      const sent = new Request(request.url, { method: request.method, headers: request.headers, body: body ?? null, signal });
      logger?.({ type: 'request', ...base, method: sent.method, url: redact(sent.url), attempt: state.attempts, headers: redactHeaders(sent.headers, redact) });
      const received = await config.fetch(sent);
      const bytes = await received.arrayBuffer();
      logger?.({ type: 'response', ...base, method: sent.method, url: redact(sent.url), attempt: state.attempts, status: received.status, ms: Date.now() - started });
      const bodyText = redact(new TextDecoder().decode(bytes));
      return { response: rebuild(received, bodyText), bodyText };
    } catch (error) {
      if (settings.signal?.aborted) return { failure: { code: 'cancelled', message: 'cancelled by the caller', cause: settings.signal.reason } };
      if (timeout.signal.aborted) return { failure: { code: 'timeout', message: `no complete answer within ${timeoutMs} ms` } };
      return { failure: { code: 'network', message: `network error: ${describeNetworkError(error)}`, cause: error } };
    } finally {
      clearTimeout(timer);
    }
  }

  async function wait(delayMs: number, reason: string) {
    logger?.({ type: 'retry', ...base, attempt: state.attempts, delayMs, reason });
    try {
      await sleep(delayMs, settings.signal);
    } catch (reasonForAbort) {
      throw fail({ code: 'cancelled', message: 'cancelled by the caller while waiting to retry', cause: reasonForAbort });
    }
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A Response carrying the already-read body, so openapi-fetch can parse it. */
function rebuild(received: Response, bodyText: string): Response {
  const headers = new Headers(received.headers);
  headers.delete('content-encoding'); // the body is already decoded
  headers.set('content-length', String(new TextEncoder().encode(bodyText).byteLength));
  const init = { status: received.status, statusText: received.statusText, headers };
  const response = new Response(NULL_BODY_STATUSES.has(received.status) ? null : bodyText, init);
  Object.defineProperty(response, 'url', { value: received.url });
  return response;
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause ? String(cause.code) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}

export type { RetryOptions };
