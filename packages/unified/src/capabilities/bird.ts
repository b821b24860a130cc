import type { ProviderCapabilities } from './types.js';

export const birdCapabilities = {
  provider: 'bird',
  label: 'Bird participant',
  chatId: '`conversationId` (uuid; `workspaceId` from config or call)',
  participantId: '`conversationParticipantId`',
  statuses: {
    active: { vendor: 'active', settable: true },
    invited: { vendor: 'invited', settable: true },
    pending: { vendor: 'pending', settable: true },
    inactive: { vendor: 'inactive', settable: false },
  },
  fields: {
    displayName: { vendor: '`displayName`', settable: false },
  },
} as const satisfies ProviderCapabilities;
