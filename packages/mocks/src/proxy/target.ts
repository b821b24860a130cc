// What a proxied front forwards to and checks against: its own module, free of Node's types, since
// the public start-prism.d.ts names it (an application's type-check needs no @types/node).
import type { Contract } from '@parley/runtime/contract';
import type { DriftFinding } from '../public-types.js';

/** What a proxied front forwards to and checks against. */
export interface ProxyTarget {
  vendor: string;
  /** The real vendor's base URL; its path prefixes every request's. */
  upstream: URL;
  contract: Contract;
  /** Refuse a request that breaks the spec with the mock's honest error instead of forwarding it. */
  strict?: boolean;
  /** How long the upstream may send nothing before the caller gets a 502. */
  timeoutMs?: number;
  /** Receives each finding as it is found (the JSON Lines report). */
  report?: (finding: DriftFinding) => void;
}
