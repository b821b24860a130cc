import { ParleyError } from '@parley/runtime';
import { PROVIDERS, type Provider } from '../model.js';
import { birdCapabilities } from './bird.js';
import { nexudusCapabilities } from './nexudus.js';
import { softwareOneCapabilities } from './softwareone.js';
import type { ProviderCapabilities } from './types.js';
import { describeCapabilities, type Capabilities } from './describe.js';

export { describeCapabilities, type Capabilities } from './describe.js';
export type { FieldCapability, ProviderCapabilities, StatusCapability } from './types.js';

export const CAPABILITIES: Readonly<Record<Provider, ProviderCapabilities>> = {
  softwareone: softwareOneCapabilities,
  bird: birdCapabilities,
  nexudus: nexudusCapabilities,
};

/** A provider's capabilities; needs no credentials. */
export function capabilities(provider: Provider): Capabilities {
  if (!(PROVIDERS as readonly unknown[]).includes(provider)) {
    throw new ParleyError('invalid_input', `unknown provider ${JSON.stringify(provider)}; use one of ${PROVIDERS.join(', ')}`, {
      field: 'provider',
    });
  }
  return describeCapabilities(CAPABILITIES[provider]);
}
