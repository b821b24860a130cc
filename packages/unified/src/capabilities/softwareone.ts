import type { ProviderCapabilities } from './types.js';

export const softwareOneCapabilities = {
  provider: 'softwareone',
  label: 'SoftwareOne participant',
  chatId: '`chatId` (CHT-…)',
  participantId: 'participant `id` (CPT-…)',
  statuses: {
    active: { vendor: 'Active', settable: true, note: 're-activates an exited participant, audit event `reactivated`' },
    left: { vendor: 'Exited', settable: true, note: 'not in Direct chats' },
    inactive: { vendor: 'Deactivated', settable: false },
  },
  fields: {
    muted: { vendor: '`muted`', settable: true },
    lastReadMessageId: { vendor: '`lastReadMessage: {id}`', settable: true },
    displayName: { vendor: '`identity.name` or `contact.name`', settable: false },
  },
  memberId: 'contact `id` (CTT-…)',
  add: { vendor: '`POST …/participants` `[{ contact: { id } }]`' },
  remove: { vendor: '`DELETE …/participants/{id}`', note: 'an unknown id answers 400' },
  example: { chatId: 'CHT-4821-7730-1955', participantId: 'CPT-5104-3382-7716', memberId: 'CTT-0002-7415' },
} as const satisfies ProviderCapabilities;
