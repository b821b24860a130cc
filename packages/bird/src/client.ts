import { createApiClient, requireSecret, scheme, type ClientOptions } from '@parley/runtime';
import { birdProfile } from './profile.js';
import type { Client } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';

export const BIRD_BASE_URL = 'https://api.bird.com';

export interface BirdClientOptions extends ClientOptions {
  /** A Bird access key; sent as `Authorization: AccessKey <key>`. */
  accessKey: string;
}

/** The typed openapi-fetch client for Bird's conversation-participant endpoints. */
export type BirdClient = Client<paths>;

export function createBirdClient({ accessKey, baseUrl, ...options }: BirdClientOptions): BirdClient {
  return createApiClient<paths>({
    ...options,
    baseUrl: baseUrl ?? BIRD_BASE_URL,
    credentials: scheme('AccessKey', requireSecret('bird', 'accessKey', accessKey)),
    profile: birdProfile,
  });
}
