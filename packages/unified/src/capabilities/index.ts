import { ParleyError } from '@parley/runtime';
import { ADAPTERS } from '../generated/adapters.js';
import type { Provider } from '../all.js';
import { describeCapabilities, type Capabilities } from './describe.js';

export { describeCapabilities, type Capabilities } from './describe.js';
export type { FieldCapability, MembershipCapability, ProviderCapabilities, StatusCapability } from './types.js';

/** A provider's capabilities; needs no credentials. */
export function capabilities(provider: Provider): Capabilities {
  const found = ADAPTERS.find((adapter) => adapter.provider === provider);
  if (!found) {
    const known = ADAPTERS.map((adapter) => adapter.provider).join(', ');
    throw new ParleyError('invalid_input', `unknown provider ${JSON.stringify(provider)}; use one of ${known}`, { field: 'provider' });
  }
  return describeCapabilities(found.capabilities);
}
