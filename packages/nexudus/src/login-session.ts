// The token machinery of `createNexudusClient({ login })` (login.ts): grants, renewal, one shared
// grant for concurrent calls, a new token after a 401. A chunk of its own, loaded by a login
// client's first request; what it shares with the main chunk comes as arguments, as imports it
// would be split by bundlers into a third chunk every client loads.
import type { ParleyError as ParleyErrorClass } from '@parley/runtime';
import type { NexudusClient } from './generated/client.js';
import type { RequestTokenBody, requestToken as requestTokenOperation } from './generated/operations.js';
import type { NexudusLogin } from './login.js';

const provider = 'nexudus';
/** What may be sent again after a 401: the methods the runtime also retries. */
const RESENDABLE = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/;

export interface LoginSetup {
  api: NexudusClient;
  /** The caller's fetch, or the global one. */
  send: (request: Request, init: { signal: AbortSignal }) => Promise<Response>;
  /**
   * The client's credentials: `authorization` marks the requests that need the token; `secrets`,
   * what errors and logs scrub: the password, the current tokens and the previous ones (a request
   * in flight may still carry them).
   */
  credentials: { readonly authorization: string; secrets: string[] };
  username: string;
  password: string;
  totp: NexudusLogin['totp'];
  clientIdField: { client_id?: string };
  requestToken: typeof requestTokenOperation;
  ParleyError: typeof ParleyErrorClass;
}

export interface LoginSession {
  /** The client's fetch: the token on every request that needs one, a new one after a 401. */
  authorized(request: Request, init: { signal: AbortSignal }): Promise<Response>;
}

export function loginSession({ api, send, credentials, username, password, totp, clientIdField, requestToken, ParleyError }: LoginSetup): LoginSession {
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
    if (request.headers.get('authorization') !== credentials.authorization) return send(request, init); // the token request itself
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

  return { authorized };
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
