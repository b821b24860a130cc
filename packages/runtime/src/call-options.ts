import type { RetrySetting } from './retry.js';

/** Per-call settings every operation accepts; they override the client's. */
export interface CallOptions {
  /** Extra headers for this call only, e.g. `Prefer: code=404` against a Prism mock. */
  headers?: Record<string, string>;
  /** Cancels the call at once; reported as `cancelled`. */
  signal?: AbortSignal;
  /** Time allowed for each attempt, from sending to the last byte of the body. */
  timeoutMs?: number;
  /** Retry policy for this call, or `false` for none. */
  retry?: RetrySetting;
}
