import createClient, { type Client } from 'openapi-fetch';
import type { Credentials } from './auth.js';

/** Options every vendor factory accepts besides its credentials. */
export interface ClientOptions {
  /** Defaults to the vendor's production server. */
  baseUrl?: string;
  /** Replaces the global fetch (a spy, a proxy agent); it is called with a ready Request. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

export interface ApiClientConfig extends ClientOptions {
  baseUrl: string;
  credentials: Credentials;
}

/**
 * An openapi-fetch client for one vendor's generated `paths`, with its credentials applied to
 * every request. The secret lives only in this closure, never on the returned object.
 */
export function createApiClient<Paths extends {}>(config: ApiClientConfig): Client<Paths> {
  const { authorization } = config.credentials;
  const client = createClient<Paths>({
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    ...(config.fetch ? { fetch: config.fetch } : {}),
    headers: { Accept: 'application/json', ...config.headers },
  });
  client.use({
    onRequest({ request }) {
      request.headers.set('Authorization', authorization);
      return request;
    },
  });
  return client;
}
