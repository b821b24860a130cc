/** Per-call settings every operation function accepts. */
export interface CallOptions {
  /** Extra headers for this call only, e.g. `Prefer: code=404` against a Prism mock. */
  headers?: Record<string, string>;
  /** Cancels the call. */
  signal?: AbortSignal;
}
