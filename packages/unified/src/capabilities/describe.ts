import type { ParticipantStatus } from '../model.js';
import type { ProviderCapabilities } from './types.js';

/** What `participants.update` can change for a provider, and which statuses it can report. */
export interface Capabilities {
  provider: string;
  set: {
    status: ParticipantStatus[];
    muted: boolean;
    lastReadMessageId: boolean;
  };
  statuses: ParticipantStatus[];
  /** Whether `participants.add` and `participants.remove` work for it. */
  add: boolean;
  remove: boolean;
  details: ProviderCapabilities;
}

/** What a provider's capability data allows, in the shape `capabilities()` returns. */
export function describeCapabilities(details: ProviderCapabilities): Capabilities {
  const statuses = Object.entries(details.statuses) as [ParticipantStatus, { settable: boolean }][];
  return {
    provider: details.provider,
    set: {
      status: statuses.filter(([, s]) => s.settable).map(([name]) => name),
      muted: details.fields.muted?.settable ?? false,
      lastReadMessageId: details.fields.lastReadMessageId?.settable ?? false,
    },
    statuses: statuses.map(([name]) => name),
    add: details.add !== undefined,
    remove: details.remove !== undefined,
    details,
  };
}
