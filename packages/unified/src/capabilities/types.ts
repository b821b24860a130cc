import type { ParticipantStatus } from '../model.js';

/** How one normalized status maps to a provider. */
export interface StatusCapability {
  /** The vendor's own value or concept. */
  vendor: string;
  /** Whether `participants.update` can set it. */
  settable: boolean;
  note?: string;
}

/** How one normalized field maps to a provider. */
export interface FieldCapability {
  vendor: string;
  settable: boolean;
}

/** How `participants.add` or `participants.remove` maps to a provider. */
export interface MembershipCapability {
  /** The vendor operation or field that does it. */
  vendor: string;
  note?: string;
}

/**
 * What a provider supports, as data: the adapters decide with it, and the README table and docs
 * are rendered from it.
 */
export interface ProviderCapabilities {
  provider: string;
  label: string;
  chatId: string;
  participantId: string;
  statuses: Partial<Record<ParticipantStatus, StatusCapability>>;
  fields: Partial<Record<'muted' | 'lastReadMessageId' | 'displayName', FieldCapability>>;
  /** Who `participants.add` takes as `memberId` (a contact, a user…); absent when it cannot add. */
  memberId?: string;
  /** Absent when the provider cannot add participants: `participants.add` is then `unsupported`. */
  add?: MembershipCapability;
  /** Absent when the provider cannot remove participants: `participants.remove` is then `unsupported`. */
  remove?: MembershipCapability;
  /** A participant of the spec's named examples, as the unified API names it: what the docs show and the mocks answer. */
  example: { chatId: string | number; participantId: string | number; memberId?: string | number; scope?: Readonly<Record<string, string>> };
}
