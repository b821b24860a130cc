import { invalidInput } from './errors.js';
import type { RetrySetting } from './retry.js';
import { MAX_TIMER_MS } from './sleep.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Per-call settings every operation accepts; they override the client's. */
export interface CallOptions {
  /** Extra headers for this call only, e.g. `Prefer: code=404` against a Prism mock. */
  headers?: Record<string, string>;
  /** Cancels the call at once; reported as `cancelled`. */
  signal?: AbortSignal;
  /** Time allowed for each attempt, from sending to the last byte of the body. */
  timeoutMs?: number;
  /** Time allowed for the whole call, retries and waits included; reported as `timeout`. */
  deadlineMs?: number;
  /** Retry policy for this call, or `false` for none. */
  retry?: RetrySetting;
}

/** A number option as given, or an `invalid_input` error naming it when out of range (what a timer can hold). */
export function checkNumber(provider: string, field: string, value: unknown, min = 1, whole = false): number {
  if (typeof value === 'number' && value >= min && value <= MAX_TIMER_MS && (!whole || Number.isInteger(value))) return value;
  throw invalidInput(provider, `${field} must be a ${whole ? 'whole ' : ''}number from ${min} to ${MAX_TIMER_MS} (got ${String(value)})`, field);
}
