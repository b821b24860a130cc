import { basic, bearer, createApiClient, requireSecret, type ClientOptions } from '@parley/runtime';
import type { Client } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';

export const NEXUDUS_BASE_URL = 'https://spaces.nexudus.com';

/** A bearer token from `POST /api/token` (recommended), or an administrator's user name and password. */
export type NexudusCredentials = { token: string } | { username: string; password: string };

export type NexudusClientOptions = NexudusCredentials & ClientOptions;

/** The typed openapi-fetch client for Nexudus' support chat-room endpoints. */
export type NexudusClient = Client<paths>;

export function createNexudusClient(options: NexudusClientOptions): NexudusClient {
  const { baseUrl, fetch, headers } = options;
  const credentials =
    'token' in options
      ? bearer(requireSecret('nexudus', 'token', options.token))
      : basic(requireSecret('nexudus', 'username', options.username), requireSecret('nexudus', 'password', options.password));
  return createApiClient<paths>({
    baseUrl: baseUrl ?? NEXUDUS_BASE_URL,
    ...(fetch ? { fetch } : {}),
    ...(headers ? { headers } : {}),
    credentials,
  });
}
