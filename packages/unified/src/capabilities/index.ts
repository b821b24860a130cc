import { ParleyError } from '@parley/runtime';
import { ADAPTERS } from '../generated/adapters.js';
import type { Provider } from '../all.js';
import { describeCapabilities, type Capabilities } from './describe.js';
import type { ProviderCapabilities } from './types.js';

export { describeCapabilities, type Capabilities } from './describe.js';
export type { FieldCapability, ProviderCapabilities, StatusCapability } from './types.js';

/** Every provider's capability data, by provider. */
export const CAPABILITIES = Object.fromEntries(ADAPTERS.map((adapter) => [adapter.provider, adapter.capabilities])) as Readonly<
  Record<Provider, ProviderCapabilities>
>;

/** A provider's capabilities; needs no credentials. */
export function capabilities(provider: Provider): Capabilities {
  const found = ADAPTERS.find((adapter) => adapter.provider === provider);
  if (!found) {
    const known = ADAPTERS.map((adapter) => adapter.provider).join(', ');
    throw new ParleyError('invalid_input', `unknown provider ${JSON.stringify(provider)}; use one of ${known}`, { field: 'provider' });
  }
  return describeCapabilities(found.capabilities);
}
