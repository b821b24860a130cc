// Types of drifting-vendor.mjs, for the tests that use it (packages/mocks/test/proxy*.test.ts).
import type { IncomingHttpHeaders } from 'node:http';
import type { Vendor } from '../packages/mocks/dist/index.js';

/** How answers depart from the spec; kept until changed. */
export interface Drift {
  /** The operation whose answers change; every operation's when left out. */
  operationId?: string;
  /** JSON Pointers of body members to delete. */
  remove?: string[];
  /** Body members to set, by JSON Pointer. */
  set?: Record<string, unknown>;
  /** Answer this status instead (with the same body). */
  status?: number;
  /** Headers to add, in order (a name may repeat). */
  headers?: [string, string][];
  /** Compress the body. */
  encoding?: 'gzip' | 'br' | 'deflate';
  /** Never answer. */
  stall?: boolean;
}

export interface Received {
  method: string;
  /** As received, the base path included. */
  url: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

export interface DriftingVendor {
  /** Its base URL, the base path included. */
  readonly url: string;
  /** Every request received, in order. */
  readonly received: Received[];
  /** Departs from the spec from now on, each matching drift applied in order (none: conforms again). */
  drift(drift: Drift | readonly Drift[] | undefined): void;
  /** The body an operation answers when it conforms. */
  example(operationId: string): unknown;
  close(): Promise<void>;
}

export interface DriftingVendorOptions {
  /** A path prefix every request's path starts with (as a real vendor's `/v1`). */
  basePath?: string;
  /** Serve https with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  /** Default: a free ephemeral port. */
  port?: number;
}

export function startDriftingVendor(vendor: Vendor, options?: DriftingVendorOptions): Promise<DriftingVendor>;
