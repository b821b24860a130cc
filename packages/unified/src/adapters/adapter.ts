import type { CallOptions } from '@parley/runtime';
import type { ProviderCapabilities } from '../capabilities/types.js';
import type { ParticipantChanges, Participant, Provider } from '../model.js';
import type { ChatRef, CheckedRef } from '../validate.js';

/** One provider behind the unified API. Inputs arrive validated; outputs are normalized. */
export interface Adapter<P extends Provider, Client, Config> {
  provider: P;
  /** What it supports: decides `unsupported`, and renders the docs. */
  capabilities: ProviderCapabilities;
  /** How to configure it, for the error when it is not. */
  howToConfigure: string;
  createClient(config: Config): Client;
  update(client: Client, ref: CheckedRef, changes: ParticipantChanges, options?: CallOptions): Promise<Participant<P>>;
  get(client: Client, ref: CheckedRef, options?: CallOptions): Promise<Participant<P>>;
  list(client: Client, ref: ChatRef, pageSize: number | undefined, options?: CallOptions): AsyncGenerator<Participant<P>>;
}

/** Drops undefined members, so a normalized participant has only what the vendor sent. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `undefined` for an empty string, which vendors send for "no value". */
export function nonEmpty(value: string | undefined | null): string | undefined {
  return value ? value : undefined;
}
