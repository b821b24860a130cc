import type { ProviderCapabilities } from './types.js';

// TODO: what __Display__ can change. Nothing is settable until its spec has a write operation, so
// the unified API refuses every `set` with `unsupported` before sending anything.
export const __name__Capabilities = {
  provider: '__id__',
  label: '__Display__ participant',
  chatId: '`chatId`',
  participantId: 'participant `id`',
  statuses: {
    active: { vendor: 'active', settable: false },
    left: { vendor: 'left', settable: false },
  },
  fields: {
    displayName: { vendor: '`name`', settable: false },
  },
  example: { chatId: 'chat-1', participantId: 'participant-1' },
} as const satisfies ProviderCapabilities;
