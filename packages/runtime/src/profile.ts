import type { ParleyErrorCode } from './errors.js';

/** What a vendor package tells the runtime about how its vendor reports errors. */
export interface VendorProfile {
  /** The vendor's registry id; appears in every error. */
  provider: string;
  /**
   * A throttle answer the standard statuses miss (Nexudus: 409 with Retry-After and no body).
   * `body` is the error body as read: parsed JSON, else its text, or undefined when there was none.
   */
  isThrottle?(status: number, headers: Headers, body: unknown): boolean;
  /** The error code when a success status carries a body that reports failure (Nexudus: `WasSuccessful: false`). */
  failureIn?(body: unknown): ParleyErrorCode | undefined;
  /** The human-readable part of the vendor's error body. */
  describe?(body: unknown): string | undefined;
  /** A request id the vendor put in its error body. */
  requestId?(body: unknown): string | undefined;
}
