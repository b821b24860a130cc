import type { Client } from 'openapi-fetch';
import type { ClientOptions } from './create-api-client.js';
import type { PooledController } from './controllers.js';
import { invalidInput } from './errors.js';
import type { Logger } from './log.js';
import type { VendorProfile } from './profile.js';
import type { Redactor } from './redact.js';
import type { RetryOptions } from './retry.js';

/** What the runtime keeps about a client it created, out of sight on the client object itself. */
export interface ClientContext {
  profile: VendorProfile;
  /** The plain openapi-fetch client underneath: one call of it is one attempt. */
  inner: Client<{}>;
  /** The `Authorization` header value, set on every request after any caller's headers. */
  authorization: string;
  fetch: NonNullable<ClientOptions['fetch']>;
  redact: Redactor;
  timeoutMs: number;
  deadlineMs: number | undefined;
  retry: Required<RetryOptions>;
  logger: Logger | undefined;
  /** Abort controllers for attempts, reused while unaborted. */
  controllers: PooledController[];
}

const contexts = new WeakMap<object, ClientContext>();

export function attachContext<T extends object>(client: T, context: ClientContext): T {
  contexts.set(client, context);
  return client;
}

export function contextOf(client: unknown): ClientContext {
  const context = contexts.get(client as object); // undefined for anything else, objects or not
  if (!context) throw invalidInput('parley', 'not a Parley client', 'client');
  return context;
}
