// `createNexudusClient({ login: { username, password } })`: a client that gets its bearer token
// from `POST /api/token` (the spec's `requestToken`) by itself and renews it. The spec's other
// credential forms go to the generated factory unchanged.
import { ParleyError, type ClientOptions } from '@parley/runtime';
import { createApiClient, invalidInput, requireSecret } from '@parley/runtime/internal';
import { createNexudusClient as createWithCredentials, loadNexudusContract, NEXUDUS_BASE_URL, type NexudusClient, type NexudusCredentials } from './generated/client.js';
import type { paths } from './generated/openapi.js';
import { requestToken, type RequestTokenBody } from './generated/operations.js';
import type { LoginSession } from './login-session.js';
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

  // What errors and logs scrub: the password now, the tokens as they come (login-session.ts).
  const credentials = { authorization: PENDING, secrets: [password] };
  let session: Promise<LoginSession> | undefined;
  // The token machinery is a chunk of its own, loaded on the first request: clients given a token
  // or a username and password do not carry it.
  const authorized = (request: Request, init: { signal: AbortSignal }): Promise<Response> =>
    (session ??= import('./login-session.js').then((module) => module.loginSession({ api, send, credentials, username, password, totp, clientIdField, requestToken, ParleyError }))).then((s) => s.authorized(request, init));
  const api: NexudusClient = createApiClient<paths>({ ...options, baseUrl: options.baseUrl ?? NEXUDUS_BASE_URL, credentials, profile: nexudusProfile, contract: loadNexudusContract, fetch: authorized });
  return api;
}
