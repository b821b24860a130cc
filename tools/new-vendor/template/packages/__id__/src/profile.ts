import type { VendorProfile } from '@parley/runtime/internal';

/**
 * How __Display__ reports errors: `{ code, message }` (see the spec's `Error` schema).
 * TODO: a throttle answer other than 429, or a success status whose body reports a failure, go
 * here as `isThrottle` and `failureIn` (see the Nexudus profile).
 */
export const __name__Profile: VendorProfile = {
  provider: '__id__',
  describe(body) {
    if (!body || typeof body !== 'object') return undefined;
    const { code, message } = body as { code?: unknown; message?: unknown };
    return [code, message].filter((part) => typeof part === 'string' && part).join(': ') || undefined;
  },
};
