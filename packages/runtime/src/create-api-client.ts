import createClient, { type Client } from 'openapi-fetch';
import type { Credentials } from './auth.js';
import { checkBaseUrl } from './base-url.js';
import { attachContext } from './client-context.js';
import type { Logger } from './log.js';
import { createPathSerializer } from './path-serializer.js';
import type { VendorProfile } from './profile.js';
import { createRedactor } from './redact.js';
import { resolveRetry, type RetrySetting } from './retry.js';
import { checkTimeout, createCallFetch, DEFAULT_TIMEOUT_MS, type TransportConfig } from './transport.js';

/** Options every vendor factory accepts besides its credentials. */
export interface ClientOptions {
  /** Defaults to the vendor's production server. Must be https unless loopback or `allowInsecureHttp`. */
  baseUrl?: string;
  /** Allow a plain-http `baseUrl` on a non-loopback host (a proxy you trust). */
  allowInsecureHttp?: boolean;
  /** Replaces the global fetch (a spy, a proxy agent); it is called with a ready Request. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Time allowed for each attempt, from sending to the last byte of the body. Default 30 s. */
  timeoutMs?: number;
  /** Retry policy, or `false` for none. Default: 2 retries, backoff 0.5 s doubling to 8 s, Retry-After up to 60 s. */
  retry?: RetrySetting;
  /** Receives request, response and retry events; headers redacted, secrets scrubbed. */
  logger?: Logger;
}

export interface ApiClientConfig extends ClientOptions {
  baseUrl: string;
  credentials: Credentials;
  profile: VendorProfile;
}

/**
 * An openapi-fetch client for one vendor's generated `paths`: credentials on every request,
 * safe path parameters, and the runtime's timeouts and retries under every call. The secret lives
 * only in closures, never on the returned object.
 */
export function createApiClient<Paths extends {}>(config: ApiClientConfig): Client<Paths> {
  const { profile, credentials } = config;
  const baseUrl = checkBaseUrl(profile.provider, config.baseUrl, config.allowInsecureHttp);
  const timeoutMs = checkTimeout(profile.provider, config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  resolveRetry(profile.provider, config.retry); // refuses bad retry options now, not at the first call
  const transport: TransportConfig = {
    profile,
    authorization: credentials.authorization,
    fetch: config.fetch ?? ((request) => globalThis.fetch(request)),
    timeoutMs,
    retry: config.retry,
    redact: createRedactor(credentials.secrets),
    logger: config.logger,
  };
  const client = createClient<Paths>({
    baseUrl,
    headers: { Accept: 'application/json', ...config.headers },
    pathSerializer: createPathSerializer(profile.provider),
    // Calls made on the raw client get the same timeouts and retries, by HTTP method.
    fetch: (request) => createCallFetch(transport, {}, { attempts: 0, bodyText: '' })(request),
  });
  attachContext(client, { profile, transport });
  return client;
}
