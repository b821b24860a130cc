import type { VendorProfile } from './profile.js';
import type { TransportConfig } from './transport.js';

/** What the runtime keeps about a client it created, out of sight on the client object itself. */
export interface ClientContext {
  profile: VendorProfile;
  transport: TransportConfig;
}

const contexts = new WeakMap<object, ClientContext>();

export function attachContext(client: object, context: ClientContext): void {
  contexts.set(client, context);
}

export function contextOf(client: object): ClientContext {
  const context = contexts.get(client);
  if (!context) throw new TypeError('not a Parley client: create it with the vendor package factory');
  return context;
}
