import { checkNumber } from './call-options.js';
import { invalidInput } from './errors.js';

/** When and how a failed attempt is tried again. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** First backoff delay; doubles each retry. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest backoff delay. Default 8 s. */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured; a longer one fails at once with `rate_limited`. Default 60 s. */
  maxRetryAfterMs?: number;
}

export const RETRY_DEFAULTS: Required<RetryOptions> = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** `false` turns retries off. */
export type RetrySetting = RetryOptions | false;

/** The defaults overlaid with each setting in turn. Undefined fields change nothing; a field that is
 * not a retry option, or not a number a timer can hold, is refused before anything is sent. */
export function resolveRetry(provider: string, ...settings: (RetrySetting | undefined)[]): Required<RetryOptions> {
  const resolved = { ...RETRY_DEFAULTS };
  for (const setting of settings) {
    if (setting === false) resolved.maxRetries = 0;
    else if (typeof setting === 'object' && setting !== null) {
      for (const [key, value] of Object.entries(setting)) {
        const field = `retry.${key}`;
        if (!Object.hasOwn(RETRY_DEFAULTS, key)) throw invalidInput(provider, `${field} is not a retry option`, field);
        if (value !== undefined) resolved[key as keyof RetryOptions] = checkNumber(provider, field, value, 0, key === 'maxRetries');
      }
    } else if (setting !== undefined) throw invalidInput(provider, 'retry must be an object or false', 'retry');
  }
  return resolved;
}

/** Full-jitter exponential backoff: a random delay up to min(cap, base * 2^(retry-1)). */
export function backoffDelay(retry: number, options: Required<RetryOptions>, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling * random());
}

/** `Retry-After` as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const trimmed = value?.trim() ?? '';
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date ends in its zone ("Sun, 06 Nov 1994 08:49:37 GMT"); anything else is unreadable.
  const date = / GMT$/.test(trimmed) ? Date.parse(trimmed) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
