import { ParleyError } from '@parley/runtime';
import { PROVIDERS, type ParticipantStatus, type Provider } from '../model.js';
import { birdCapabilities } from './bird.js';
import { nexudusCapabilities } from './nexudus.js';
import { softwareOneCapabilities } from './softwareone.js';
import type { ProviderCapabilities } from './types.js';

export type { FieldCapability, ProviderCapabilities, StatusCapability } from './types.js';

export const CAPABILITIES: Readonly<Record<Provider, ProviderCapabilities>> = {
  softwareone: softwareOneCapabilities,
  bird: birdCapabilities,
  nexudus: nexudusCapabilities,
};

/** What `participants.update` can change for a provider, and which statuses it can report. */
export interface Capabilities {
  provider: Provider;
  set: {
    status: ParticipantStatus[];
    muted: boolean;
    lastReadMessageId: boolean;
  };
  statuses: ParticipantStatus[];
  details: ProviderCapabilities;
}

/** A provider's capabilities; needs no credentials. */
export function capabilities(provider: Provider): Capabilities {
  if (!(PROVIDERS as readonly unknown[]).includes(provider)) {
    throw new ParleyError('invalid_input', `unknown provider ${JSON.stringify(provider)}; use one of ${PROVIDERS.join(', ')}`, {
      field: 'provider',
    });
  }
  const details = CAPABILITIES[provider];
  const statuses = Object.entries(details.statuses) as [ParticipantStatus, { settable: boolean }][];
  return {
    provider,
    set: {
      status: statuses.filter(([, s]) => s.settable).map(([name]) => name),
      muted: details.fields.muted?.settable ?? false,
      lastReadMessageId: details.fields.lastReadMessageId?.settable ?? false,
    },
    statuses: statuses.map(([name]) => name),
    details,
  };
}
