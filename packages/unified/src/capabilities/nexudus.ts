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
  memberId: 'user id (integer)',
  add: { vendor: '`AddedUsers: [id]` on the room', note: 'read-modify-write of the room, nothing else changed' },
  remove: { vendor: '`RemovedUsers: [id]` on the room', note: 'read-modify-write of the room, nothing else changed' },
  example: { chatId: 87654321, participantId: 1029384, memberId: 1029384 },
} as const satisfies ProviderCapabilities;
