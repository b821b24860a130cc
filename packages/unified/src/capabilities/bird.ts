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
  memberId: 'contact id',
  add: { vendor: '`POST …/participants` `{ id, type: "contact" }`', note: 'answers the participant whether just added (201) or already there (200)' },
  remove: { vendor: '`DELETE …/participants/{conversationParticipantId}`' },
  example: {
    memberId: '274bd6ff-3295-49a0-a02d-651fb661d7fb',
    chatId: '67e4d358-ca94-421e-98b7-448860df9d33',
    participantId: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf',
    scope: { workspaceId: 'b4e02c85-c6d2-4b15-8885-e09671799c61' },
  },
} as const satisfies ProviderCapabilities;
