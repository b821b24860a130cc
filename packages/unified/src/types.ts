// Everything the unified API accepts and returns for a provider, derived from its adapter, so a
// new provider needs no edit here or in the core.
import type { AnyAdapter } from './adapters/adapter.js';
import type { IdFormat } from './id-formats.js';
import type { ParticipantOf, RemovedOf } from './model.js';

export type ProviderOf<As extends AnyAdapter> = As['provider'];
/** The adapter of provider `P` among `As`. */
export type AdapterFor<As extends AnyAdapter, P extends string> = Extract<As, { provider: P }>;

type IdInput<F> = F extends IdFormat<infer In> ? In : never;
type ScopeKeys<A> = A extends { scope: infer S } ? keyof S & string : never;
/** The scope fields a provider takes per call or as a config default (Bird: `workspaceId`). */
export type ScopeInput<A> = { [K in ScopeKeys<A>]?: string };

export type ClientOf<A> = A extends { createClient(options: never): infer C } ? C : never;
export type ClientOptionsOf<A> = A extends { createClient(options: infer O): unknown } ? O : never;
export type RawOf<A> = A extends { get(...args: never[]): Promise<{ raw: infer R }> } ? R : never;
export type ParticipantFor<A extends AnyAdapter> = ParticipantOf<A['provider'], RawOf<A>>;
/** The vendor's answer to a removal, as `raw` (`undefined` for a 204). */
export type RemovedRawOf<A> = A extends { remove(...args: never[]): Promise<{ raw: infer R }> } ? R : never;
export type RemovedFor<A extends AnyAdapter> = RemovedOf<A['provider'], RemovedRawOf<A>>;

type Capabilities<A> = A extends { capabilities: infer C } ? C : never;
type SettableStatus<C> = C extends { statuses: infer S } ? { [K in keyof S]: S[K] extends { settable: true } ? K : never }[keyof S] : never;
type Settable<C, F extends string> = C extends { fields: { [K in F]: { settable: true } } } ? true : false;
/** What `set` may hold for a provider: only statuses it can set, `muted`/`lastReadMessageId` only where settable. */
export type ChangesFor<A> = { status?: SettableStatus<Capabilities<A>> } & (Settable<Capabilities<A>, 'muted'> extends true
  ? { muted?: boolean }
  : {}) &
  (Settable<Capabilities<A>, 'lastReadMessageId'> extends true ? { lastReadMessageId?: string } : {});

export type ChatRefFor<A extends AnyAdapter> = { provider: A['provider']; chatId: IdInput<A['ids']['chatId']> } & ScopeInput<A>;
export type ParticipantRefFor<A extends AnyAdapter> = ChatRefFor<A> & { participantId: IdInput<A['ids']['participantId']> };
export type UpdateInputFor<A extends AnyAdapter> = ParticipantRefFor<A> & { set: ChangesFor<A> };
type MemberIdInput<A extends AnyAdapter> = A['ids'] extends { memberId: infer F } ? IdInput<F> : never;
/** Who to add: `memberId` as the provider takes it (a SoftwareOne contact, a Nexudus user…). */
export type AddInputFor<A extends AnyAdapter> = ChatRefFor<A> & { memberId: MemberIdInput<A> };
export type ListInputFor<A extends AnyAdapter> = ChatRefFor<A> & {
  /** Participants fetched per request, 1–100, where the provider pages. */
  pageSize?: number;
};

/** Per provider: its client factory's options, plus defaults for its scope fields. */
export type ConfigFor<As extends AnyAdapter> = { [A in As as A['provider']]?: ClientOptionsOf<A> & ScopeInput<A> };
/** The typed vendor client behind each provider. */
export type ClientsFor<As extends AnyAdapter> = { [A in As as A['provider']]: ClientOf<A> };
