import type { VendorProfile } from '@parley/runtime/internal';

/** Bird's errors: `{ code, message, details? }` (code PascalCase, e.g. `ResourceNotFound`). */
export const birdProfile: VendorProfile = {
  provider: 'bird',
  describe(body) {
    if (!body || typeof body !== 'object') return undefined;
    const { code, message } = body as { code?: unknown; message?: unknown };
    return [code, message].filter((part) => typeof part === 'string' && part).join(': ') || undefined;
  },
};
