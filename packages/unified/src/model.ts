import type { ChatParticipant } from '@parley/softwareone';
import type { Participant as BirdParticipant } from '@parley/bird';
import type { ChatRoom, CommandResult } from '@parley/nexudus';

export const PROVIDERS = ['softwareone', 'bird', 'nexudus'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const PARTICIPANT_STATUSES = ['active', 'invited', 'pending', 'inactive', 'left'] as const;
/** The normalized participant status. */
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** What `participants.update` can change; which of it a provider supports is in `capabilities(provider)`. */
export interface ParticipantChanges {
  status?: ParticipantStatus;
  muted?: boolean;
  lastReadMessageId?: string;
}
export const CHANGE_FIELDS = ['status', 'muted', 'lastReadMessageId'] as const satisfies readonly (keyof ParticipantChanges)[];

/** Nexudus has no participant resource: a participant is a user id in a chat room's `Users`. */
export interface NexudusParticipantRaw {
  /** The room as read before any change. */
  room: ChatRoom;
  /** The envelope of the update, for `participants.update`. */
  result?: CommandResult;
}

/** Each provider's own typed response, as `raw`. */
export interface RawParticipant {
  softwareone: ChatParticipant;
  bird: BirdParticipant;
  nexudus: NexudusParticipantRaw;
}

interface ParticipantOf<P extends Provider> {
  provider: P;
  id: string;
  chatId: string;
  /** `unknown` only when the vendor sent a status Parley does not know; `raw` has it. */
  status: ParticipantStatus | 'unknown';
  displayName?: string;
  muted?: boolean;
  lastReadMessageId?: string;
  /** Everything the vendor returned, typed. */
  raw: RawParticipant[P];
}

/** A normalized participant; `raw` narrows with `provider`. */
export type Participant<P extends Provider = Provider> = { [K in P]: ParticipantOf<K> }[P];

/** Nexudus ids are integers; they may be given as numbers or as decimal strings. */
export type IdFor<P extends Provider> = P extends 'nexudus' ? string | number : string;

export interface ParticipantRef<P extends Provider = Provider> {
  provider: P;
  chatId: IdFor<P>;
  participantId: IdFor<P>;
  /** Bird only: overrides the workspace configured for the client. */
  workspaceId?: string;
}

export interface UpdateInput<P extends Provider = Provider> extends ParticipantRef<P> {
  set: ParticipantChanges;
}

export interface ListInput<P extends Provider = Provider> {
  provider: P;
  chatId: IdFor<P>;
  workspaceId?: string;
  /** Participants fetched per request (SoftwareOne and Bird: 1–100). Nexudus returns a room's members at once. */
  pageSize?: number;
}
