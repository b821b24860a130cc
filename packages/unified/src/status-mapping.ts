import type { ParticipantStatus } from './model.js';
import type { ProviderCapabilities } from './capabilities/types.js';

/**
 * Both directions of a provider whose statuses are plain values, derived from
 * its capability data so the mapping and the documentation cannot disagree.
 */
export function statusMapping(capabilities: ProviderCapabilities) {
  const entries = Object.entries(capabilities.statuses) as [ParticipantStatus, { vendor: string }][];
  const toVendor = new Map(entries.map(([status, { vendor }]) => [status, vendor]));
  const fromVendor = new Map(entries.map(([status, { vendor }]) => [vendor, status]));
  return {
    /** The vendor value for a normalized status; undefined when the provider has none. */
    toVendor: (status: ParticipantStatus): string | undefined => toVendor.get(status),
    /** The normalized status of a vendor value; `unknown` for a value Parley does not know. */
    fromVendor: (value: string): ParticipantStatus | 'unknown' => fromVendor.get(value) ?? 'unknown',
  };
}
