import { bearer, createApiClient, requireSecret, type ClientOptions } from '@parley/runtime';
import { softwareOneProfile } from './profile.js';
import type { Client } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';

export const SOFTWAREONE_BASE_URL = 'https://api.platform.softwareone.com';
/** The test environment the vendor's documentation uses. */
export const SOFTWAREONE_TEST_BASE_URL = 'https://api.s1.show';

export interface SoftwareOneClientOptions extends ClientOptions {
  /** A Marketplace API token or user access token; sent as `Authorization: Bearer <token>`. */
  token: string;
}

/** The typed openapi-fetch client for SoftwareOne's helpdesk chat-participant endpoints. */
export type SoftwareOneClient = Client<paths>;

export function createSoftwareOneClient({ token, baseUrl, ...options }: SoftwareOneClientOptions): SoftwareOneClient {
  return createApiClient<paths>({
    ...options,
    baseUrl: baseUrl ?? SOFTWAREONE_BASE_URL,
    credentials: bearer(requireSecret('softwareone', 'token', token)),
    profile: softwareOneProfile,
  });
}
