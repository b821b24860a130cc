import type { Client } from 'openapi-fetch';
import { createApiClient, type ClientOptions } from './create-api-client.js';
import { credentialsFrom, type CredentialScheme } from './credentials.js';
import type { ContractModule } from './validate-responses.js';
import type { VendorProfile } from './profile.js';

export interface ClientDefinition {
  profile: VendorProfile;
  /** The spec's first server: the default `baseUrl`. */
  baseUrl: string;
  /** The spec's security schemes, in its order of preference. */
  credentials: readonly CredentialScheme[];
  /** Loads the vendor's compiled contract (`@parley/<vendor>/contract`), only when a client validates responses. */
  contract?: () => Promise<ContractModule>;
}

/** A vendor's client factory, as generated from its spec: credentials, default server, profile. */
export function defineClient<Paths extends {}, Options extends ClientOptions>(definition: ClientDefinition) {
  const { profile, credentials } = definition;
  // The definition after the options: its profile and contract are not the caller's to replace.
  return (options: Options): Client<Paths> =>
    createApiClient<Paths>({
      ...options,
      ...definition,
      baseUrl: options?.baseUrl ?? definition.baseUrl,
      credentials: credentialsFrom(profile.provider, credentials, options ?? {}),
    });
}
