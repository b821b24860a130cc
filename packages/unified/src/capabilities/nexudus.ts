import type { ProviderCapabilities } from './types.js';

export const nexudusCapabilities = {
  provider: 'nexudus',
  label: 'Nexudus chat room',
  chatId: 'ChatRoom `Id` (integer)',
  participantId: 'user id in `Users` (integer)',
  statuses: {
    active: { vendor: 'member of `Users`', settable: true, note: 'set with `AddedUsers: [id]`' },
    left: { vendor: 'not in `Users`', settable: true, note: 'set with `RemovedUsers: [id]`' },
  },
  fields: {},
  example: { chatId: 87654321, participantId: 1029384 },
} as const satisfies ProviderCapabilities;
