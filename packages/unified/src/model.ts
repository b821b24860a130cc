// The normalized model every provider maps onto. Nothing here names a provider: what each one
// accepts and returns is derived from its adapter (types.ts).

export const PARTICIPANT_STATUSES = ['active', 'invited', 'pending', 'inactive', 'left'] as const;
/** The normalized participant status. */
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** Everything `participants.update` can change; which of it a provider supports is in `capabilities(provider)`. */
export interface ParticipantChanges {
  status?: ParticipantStatus;
  muted?: boolean;
  lastReadMessageId?: string;
}
export const CHANGE_FIELDS = ['status', 'muted', 'lastReadMessageId'] as const satisfies readonly (keyof ParticipantChanges)[];

/** A normalized participant of provider `P`, with the vendor's own typed answer as `raw`. */
export interface ParticipantOf<P extends string, Raw> {
  provider: P;
  id: string;
  chatId: string;
  /** `unknown` only when the vendor sent a status Parley does not know; `raw` has it. */
  status: ParticipantStatus | 'unknown';
  displayName?: string;
  muted?: boolean;
  lastReadMessageId?: string;
  /** Everything the vendor returned, typed. */
  raw: Raw;
}

/** What `participants.remove` answers: who was removed from which chat, and the vendor's own answer. */
export interface RemovedOf<P extends string, Raw> {
  provider: P;
  /** The participant id that was removed. */
  id: string;
  chatId: string;
  /** The vendor's typed answer (`undefined` where it answers 204 No Content). */
  raw: Raw;
}
