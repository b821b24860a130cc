// The unified API's types over every registered provider: what `createParley` accepts and returns.
import type { ADAPTERS } from './generated/adapters.js';
import type {
  AddInputFor,
  AdapterFor,
  ClientsFor,
  ConfigFor,
  ListInputFor,
  ParticipantFor,
  ParticipantRefFor,
  ProviderOf,
  RawOf,
  RemovedFor,
  UpdateInputFor,
} from './types.js';

type All = (typeof ADAPTERS)[number];
/** A registered provider id. */
export type Provider = ProviderOf<All>;
/** A normalized participant; `raw` narrows with `provider`. */
export type Participant<P extends Provider = Provider> = { [K in P]: ParticipantFor<AdapterFor<All, K>> }[P];
/** Each provider's own typed response, as `raw`. */
export type RawParticipant = { [K in Provider]: RawOf<AdapterFor<All, K>> };
export type ParticipantRef<P extends Provider = Provider> = { [K in P]: ParticipantRefFor<AdapterFor<All, K>> }[P];
export type UpdateInput<P extends Provider = Provider> = { [K in P]: UpdateInputFor<AdapterFor<All, K>> }[P];
export type AddInput<P extends Provider = Provider> = { [K in P]: AddInputFor<AdapterFor<All, K>> }[P];
/** What `participants.remove` answers; `raw` narrows with `provider`. */
export type Removed<P extends Provider = Provider> = { [K in P]: RemovedFor<AdapterFor<All, K>> }[P];
export type ListInput<P extends Provider = Provider> = { [K in P]: ListInputFor<AdapterFor<All, K>> }[P];
/** Per provider: its vendor factory's options, plus defaults for its scope fields (Bird: `workspaceId`). */
export type ParleyConfig = ConfigFor<All>;
/** The typed vendor client behind each provider, for what the unified API does not cover. */
export type VendorClients = ClientsFor<All>;
