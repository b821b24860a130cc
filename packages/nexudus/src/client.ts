import { basic, bearer, createApiClient, requireSecret, type ClientOptions } from '@parley/runtime';
import type { Client } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';
import { nexudusProfile } from './profile.js';

export const NEXUDUS_BASE_URL = 'https://spaces.nexudus.com';

/** A bearer token from `POST /api/token` (recommended), or an administrator's user name and password. */
export type NexudusCredentials = { token: string } | { username: string; password: string };

export type NexudusClientOptions = NexudusCredentials & ClientOptions;

/** The typed openapi-fetch client for Nexudus' support chat-room endpoints. */
export type NexudusClient = Client<paths>;

export function createNexudusClient(options: NexudusClientOptions): NexudusClient {
  const { token, username, password, baseUrl, ...rest } = options as Partial<{ token: string; username: string; password: string }> &
    ClientOptions;
  const credentials =
    'token' in options
      ? bearer(requireSecret('nexudus', 'token', token))
      : basic(requireSecret('nexudus', 'username', username), requireSecret('nexudus', 'password', password));
  return createApiClient<paths>({ ...rest, baseUrl: baseUrl ?? NEXUDUS_BASE_URL, credentials, profile: nexudusProfile });
}
