import type { CallOptions } from '@parley/runtime';
import type { ProviderCapabilities } from '../capabilities/types.js';
import type { IdFormat } from '../id-formats.js';
import type { ParticipantChanges, ParticipantOf } from '../model.js';

/** A reference after validation: ids as the vendor takes them, scope fields resolved. */
export interface ChatRef {
  provider: string;
  chatId: string;
  /** The provider's scope fields (Bird's `workspaceId`), from the call or the configured default. */
  scope: Readonly<Record<string, string>>;
}
export interface CheckedRef extends ChatRef {
  participantId: string;
}

/** A field that narrows where a chat lives (Bird's workspace): given per call, or as a default in the provider's config. */
export interface ScopeField {
  format: IdFormat;
  /** Refused when neither the call nor the config gives it. */
  required: boolean;
}

/**
 * One provider behind the unified API: everything the vendor-agnostic core needs to know about it.
 * Inputs arrive validated against `ids`, `scope` and `capabilities`; outputs are normalized.
 */
export interface Adapter<P extends string, Client, Options, Raw> {
  provider: P;
  /** What it supports: decides `unsupported`, types `set`, and renders the docs. */
  capabilities: ProviderCapabilities;
  /** The form of its chat and participant ids. */
  ids: { chatId: IdFormat<unknown>; participantId: IdFormat<unknown> };
  scope?: Readonly<Record<string, ScopeField>>;
  /** How to configure it, for the error when it is not. */
  howToConfigure: string;
  createClient(options: Options): Client;
  update(client: Client, ref: CheckedRef, changes: ParticipantChanges, options?: CallOptions): Promise<ParticipantOf<P, Raw>>;
  get(client: Client, ref: CheckedRef, options?: CallOptions): Promise<ParticipantOf<P, Raw>>;
  list(client: Client, ref: ChatRef, pageSize: number | undefined, options?: CallOptions): AsyncGenerator<ParticipantOf<P, Raw>>;
}

/** Any provider's adapter. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAdapter = Adapter<string, any, any, any>;

/** Drops undefined members, so a normalized participant has only what the vendor sent. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `undefined` for an empty string, which vendors send for "no value". */
export function nonEmpty(value: string | undefined | null): string | undefined {
  return value ? value : undefined;
}
