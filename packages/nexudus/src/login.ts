// `createNexudusClient({ login: { username, password } })`: a client that gets its bearer token
// from `POST /api/token` (the spec's `requestToken`) by itself and renews it. The spec's other
// credential forms go to the generated factory unchanged.
import { ParleyError, type ClientOptions } from '@parley/runtime';
import { createApiClient, invalidInput, requireSecret } from '@parley/runtime/internal';
import { createNexudusClient as createWithCredentials, NEXUDUS_BASE_URL, type NexudusClient, type NexudusCredentials } from './generated/client.js';
import type { paths } from './generated/openapi.js';
import { requestToken, type RequestTokenBody } from './generated/operations.js';
import { nexudusProfile } from './profile.js';

/** What the client logs in with to get its bearer token (`POST /api/token`, password grant). */
export interface NexudusLogin {
  /** The account's email address. */
  username: string;
  password: string;
  /**
   * For an account with two-factor authentication: the current code, or a function that gives
   * the current code each time the client logs in again (a code is only valid for seconds, and a
   * later login happens when the refresh token is refused).
   */
  totp?: string | (() => string | Promise<string>);
  /**
   * OAuth `client_id`, sent with every grant. Nexudus defaults it to the username, and a new
   * token for a `client_id` invalidates the tokens issued to it before: give each process its own.
   */
  clientId?: string;
}

/** `{ login }`: the client gets a bearer token with these credentials and renews it by itself. */
export type NexudusLoginCredentials = { login: NexudusLogin; token?: never; username?: never; password?: never };
export type NexudusClientOptions = (NexudusCredentials | NexudusLoginCredentials) & ClientOptions;

const provider = 'nexudus';
/** Marks the requests that need the token: the runtime sets it on all but `security: []` operations'. */
const PENDING = 'Bearer (pending)';
/** What may be sent again after a 401: the methods the runtime also retries. */
const RESENDABLE = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/;

/**
 * A Nexudus client, `NEXUDUS_BASE_URL` unless `baseUrl` says otherwise, with one of:
 * - `{ token }`: `Authorization: Bearer <token>`, a token you got yourself (see `requestToken`);
 * - `{ username, password }`: `Authorization: Basic …`;
 * - `{ login: { username, password, totp?, clientId? } }`: the client gets the bearer token from
 *   `POST /api/token` on its first call (one request, whatever the number of concurrent calls),
 *   reuses it until shortly before `expires_in`, then renews it with the refresh token, logging in
 *   again if that is refused. A 401 drops the token; the call is sent once more with a new one
 *   when it is safe to resend (GET, PUT, DELETE). A refused login throws `unauthorized` with
 *   Nexudus' `error_description`, and nothing else is sent.
 */
export function createNexudusClient(options: NexudusClientOptions): NexudusClient {
  const login = (options as { login?: unknown } | null | undefined)?.login;
  return login === undefined ? createWithCredentials(options as NexudusCredentials & ClientOptions) : loginClient(options as unknown as ClientOptions & Record<string, unknown>, login);
}

function loginClient({ login: _, ...options }: ClientOptions & Record<string, unknown>, login: unknown): NexudusClient {
  if (['token', 'username', 'password'].some((key) => options[key] !== undefined)) {
    throw invalidInput(provider, 'give `login`, `token` or `username` and `password`, one of them', 'login');
  }
  if (!login || typeof login !== 'object') throw invalidInput(provider, '`login` must be { username, password }', 'login');
  const { totp, clientId } = login as NexudusLogin;
  const username = requireSecret(provider, 'login.username', (login as NexudusLogin).username);
  const password = requireSecret(provider, 'login.password', (login as NexudusLogin).password);
  if (!['string', 'function', 'undefined'].includes(typeof totp)) throw invalidInput(provider, '`login.totp` must be a string or a function', 'login.totp');
  if (!['string', 'undefined'].includes(typeof clientId)) throw invalidInput(provider, '`login.clientId` must be a string', 'login.clientId');
  const send = options.fetch ?? ((request, init) => globalThis.fetch(request, init));
  if (typeof send !== 'function') throw invalidInput(provider, 'fetch must be a function', 'fetch');
  const clientIdField = clientId ? { client_id: clientId } : {}; // sent with every grant, as a refresh requires

  // What errors and logs scrub, replaced as tokens come: the password, the current tokens and
  // the previous ones (a request in flight may still carry them).
  const credentials = { authorization: PENDING, secrets: [password] };
  let token: { access: string; until: number } | undefined;
  let refresh: string | undefined;
  let pending: Promise<string> | undefined;

  /** One grant; its token is kept, and scrubbed from then on. */
  async function grant(body: RequestTokenBody): Promise<string> {
    const started = Date.now();
    const answer = await requestToken.orThrow(api, { body }).catch((error: unknown) => {
      // A grant refused (OAuth answers 400 `invalid_grant`) means wrong credentials.
      throw error instanceof ParleyError && error.status === 400 ? new ParleyError('unauthorized', error.message, { ...error }) : error;
    });
    const { access_token: access, refresh_token: renewal, expires_in } = answer as Record<string, unknown>;
    // It goes into a header: visible ASCII only, as OAuth's tokens are.
    if (typeof access !== 'string' || !/^[!-~]+$/.test(access)) {
      throw new ParleyError('provider', `${provider} requestToken: an answer without a usable access_token`, { provider, operationId: 'requestToken', status: 200 });
    }
    if (typeof renewal === 'string' && renewal) refresh = renewal;
    credentials.secrets = [password, access, refresh!, ...credentials.secrets.slice(1, 3)].filter(Boolean);
    // Renewed a tenth of its life early, at most a minute; a token without a lifetime lasts until a 401.
    const lifetime = Number(expires_in) * 1000;
    token = { access, until: started + (lifetime >= 0 ? lifetime - Math.min(60_000, lifetime / 10) : Infinity) };
    return access;
  }

  /** A new token: the refresh grant while there is a refresh token, the password grant otherwise or when that fails. */
  async function obtain(): Promise<string> {
    if (refresh) {
      try {
        return await grant({ grant_type: 'refresh_token', refresh_token: refresh, ...clientIdField });
      } catch {
        refresh = undefined;
      }
    }
    let code: unknown = totp;
    try {
      if (typeof totp === 'function') code = await totp();
    } catch (cause) {
      throw new ParleyError('invalid_input', `${provider}: \`login.totp\` failed`, { provider, field: 'login.totp', cause });
    }
    return grant({ grant_type: 'password', username, password, ...clientIdField, ...(code ? { totp: String(code) } : {}) });
  }

  /** Sets the current token on the request, waiting (as long as the attempt may) for one shared grant if needed. */
  async function authorize(request: Request, signal: AbortSignal): Promise<string> {
    const access = token && Date.now() < token.until ? token.access : await abortable((pending ??= obtain().finally(() => (pending = undefined))), signal);
    request.headers.set('Authorization', `Bearer ${access}`);
    return access;
  }

  /** The client's fetch: the token on every request that needs one, a new one after a 401. */
  async function authorized(request: Request, init: { signal: AbortSignal }): Promise<Response> {
    if (request.headers.get('authorization') !== PENDING) return send(request, init); // the token request itself
    const again = RESENDABLE.test(request.method) && request.clone();
    const used = await authorize(request, init.signal);
    const response = await send(request, init);
    if (response.status !== 401) return response;
    // Expired, revoked, or replaced by a login elsewhere with the same client_id: the next request
    // gets another token. (Nexudus also answers 401 for a missing role, which a new token does not fix.)
    if (token?.access === used) token = undefined;
    if (!again) return response;
    await response.body?.cancel();
    await authorize(again, init.signal);
    return send(again, init);
  }

  const api = createApiClient<paths>({ ...options, baseUrl: options.baseUrl ?? NEXUDUS_BASE_URL, credentials, profile: nexudusProfile, fetch: authorized });
  return api;
}

/** The promise, or the signal's reason once it aborts: a shared grant outlives a call that gives up on it. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}
