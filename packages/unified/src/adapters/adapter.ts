import { ParleyError, type CallOptions } from '@parley/runtime';
import type { ProviderCapabilities } from '../capabilities/types.js';
import type { IdFormat } from '../id-formats.js';
import type { ParticipantChanges, ParticipantOf, RemovedOf } from '../model.js';

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
/** Whom `participants.add` adds, after validation: the id as the vendor takes it. */
export interface MemberRef extends ChatRef {
  memberId: string;
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
  /** The form of its chat and participant ids, and of whom `add` takes (where it can add). */
  ids: { chatId: IdFormat<unknown>; participantId: IdFormat<unknown>; memberId?: IdFormat<unknown> };
  scope?: Readonly<Record<string, ScopeField>>;
  /** How to configure it, for the error when it is not. */
  howToConfigure: string;
  createClient(options: Options): Client;
  update(client: Client, ref: CheckedRef, changes: ParticipantChanges, options?: CallOptions): Promise<ParticipantOf<P, Raw>>;
  get(client: Client, ref: CheckedRef, options?: CallOptions): Promise<ParticipantOf<P, Raw>>;
  list(client: Client, ref: ChatRef, pageSize: number | undefined, options?: CallOptions): AsyncGenerator<ParticipantOf<P, Raw>>;
  /** Present exactly when `capabilities.add` is: adds `memberId` and answers the participant it became. */
  add?(client: Client, ref: MemberRef, options?: CallOptions): Promise<ParticipantOf<P, Raw>>;
  /** Present exactly when `capabilities.remove` is. */
  remove?(client: Client, ref: CheckedRef, options?: CallOptions): Promise<RemovedOf<P, unknown>>;
}

/** Any provider's adapter. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAdapter = Adapter<string, any, any, any>;

/** Drops undefined members, so a normalized participant has only what the vendor sent. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A non-empty string, else `undefined`: vendors send `""` for "no value", and a mistyped field is no value either. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * The error for a vendor answer the unified API cannot use (wrong shape, missing id, a repeated
 * page): a `provider` error saying what is wrong, never a TypeError or a participant with holes.
 */
export function malformed(provider: string, operationId: string, defect: string): ParleyError {
  return new ParleyError('provider', `${provider} ${operationId} answered ${defect}`, { provider, operationId });
}

/**
 * The participant the vendor answered a change of `ref` with, refused when it is another one: a
 * vendor (or a mock) answering for someone else must not pass for the change asked for.
 */
export function checkAnswerIs<T extends { id: string }>(participant: T, ref: CheckedRef, operationId: string): T {
  if (participant.id !== ref.participantId) {
    throw malformed(ref.provider, operationId, `participant ${JSON.stringify(participant.id)} when asked to change ${JSON.stringify(ref.participantId)}`);
  }
  return participant;
}

/** A JSON object (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
