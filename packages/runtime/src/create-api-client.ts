import createClient, { type Client } from 'openapi-fetch';
import type { Credentials } from './auth.js';
import type { ContractModule, ValidationEvent } from './validate-responses.js';
import { checkBaseUrl } from './base-url.js';
import { checkNumber, DEFAULT_TIMEOUT_MS } from './call-options.js';
import { attachContext, type ClientContext } from './client-context.js';
import { invalidInput, ParleyError } from './errors.js';
import { checkHeaders } from './headers.js';
import type { Logger } from './log.js';
import { createPathSerializer } from './path-serializer.js';
import type { VendorProfile } from './profile.js';
import { rawClient } from './raw-client.js';
import { createRedactor, redactHeaders } from './redact.js';
import { resolveRetry, type RetrySetting } from './retry.js';

/** Options every vendor factory accepts besides its credentials. */
export interface ClientOptions {
  /** Defaults to the vendor's production server. Must be https unless loopback or `allowInsecureHttp`. */
  baseUrl?: string;
  /** Allow a plain-http `baseUrl` on a non-loopback host (a proxy you trust). */
  allowInsecureHttp?: boolean;
  /**
   * Replaces the global fetch (a spy, a proxy agent). It is called as `fetch(request, { signal })`:
   * pass the signal on, or timeouts and cancels cannot stop the request.
   */
  fetch?: (request: Request, init: { signal: AbortSignal }) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Time allowed for each attempt, from sending to the last byte of the body. Default 30 s. */
  timeoutMs?: number;
  /** Time allowed for each whole call, retries and waits included. Default: none (attempts and retries bound it). */
  deadlineMs?: number;
  /** Retry policy, or `false` for none. Default: 2 retries, backoff 0.5 s doubling to 8 s, Retry-After up to 60 s. */
  retry?: RetrySetting;
  /** Receives request, response and retry events; headers redacted, secrets scrubbed. */
  logger?: Logger;
  /**
   * Check each answer against the vendor's spec: `'warn'` reports each departure to `logger` (or
   * `console.warn`) as a `contract` event, `'throw'` fails the call with a `contract` ParleyError.
   * The validators load with the first request, which an unknown mode fails with `invalid_input`;
   * `'off'` (the default) loads and runs nothing.
   */
  validateResponses?: ResponseValidation;
}

/** Whether and how a client checks answers against its vendor's spec. */
export type ResponseValidation = 'off' | 'warn' | 'throw';

export interface ApiClientConfig extends ClientOptions {
  baseUrl: string;
  credentials: Credentials;
  profile: VendorProfile;
  /** Loads the vendor's compiled contract and the check, only when `validateResponses` asks for it. */
  contract?: (() => Promise<ContractModule>) | undefined;
}

/**
 * An openapi-fetch client for one vendor's generated `paths`: credentials on every request, safe
 * path parameters, and the runtime's timeouts, retries and errors under every call. Everything is
 * checked here, before any call (but `validateResponses`, checked by its first request, to keep
 * its bytes out of every bundle); the secret lives only in closures, never on the returned object.
 */
export function createApiClient<Paths extends {}>(config: ApiClientConfig): Client<Paths> {
  const { profile, credentials } = config;
  const { provider } = profile;
  const baseUrl = checkBaseUrl(provider, config.baseUrl, config.allowInsecureHttp);
  checkHeaders(provider, config.headers);
  for (const field of ['fetch', 'logger'] as const) {
    if (config[field] !== undefined && typeof config[field] !== 'function') throw invalidInput(provider, `${field} must be a function`, field);
  }
  const context: ClientContext = {
    profile,
    // Each attempt passes its own fetch (credentials, logging); this client only builds requests.
    inner: createClient<{}>({ baseUrl, headers: { Accept: 'application/json', ...config.headers }, pathSerializer: createPathSerializer(provider) }),
    authorization: credentials.authorization, // checked by credentialsFrom
    fetch: config.fetch ?? ((request, init) => globalThis.fetch(request, init)),
    redact: createRedactor(credentials),
    timeoutMs: checkNumber(provider, 'timeoutMs', config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    deadlineMs: config.deadlineMs === undefined ? undefined : checkNumber(provider, 'deadlineMs', config.deadlineMs),
    retry: resolveRetry(provider, config.retry),
    logger: config.logger,
    controllers: [],
  };
  const mode = config.validateResponses;
  if (mode && mode != 'off') {
    // The vendor's contract chunk brings the check too: loaded before the first request (which it
    // refuses if `mode` is no mode), never by a client that does not validate; a client that does
    // not validate runs no middleware. The mode is checked there, not here, to add the fewest bytes
    // to every client.
    const validate = (event: ValidationEvent) => config.contract!().then((module) => module.validate(event, mode, module.contract, context, ParleyError, redactHeaders));
    context.inner.use({ onRequest: validate, onResponse: validate });
  }
  return attachContext(rawClient(context), context) as Client<Paths>;
}
