import type { VendorProfile } from '@parley/runtime/internal';

type Envelope = { Message?: unknown; WasSuccessful?: unknown; Errors?: unknown };

/**
 * Nexudus' errors: the command envelope `{ Message, WasSuccessful, Errors[] }`, which can arrive
 * with a 200; and throttling as 409 with `Retry-After` and an empty body, unlike a real conflict.
 */
export const nexudusProfile: VendorProfile = {
  provider: 'nexudus',
  isThrottle: (status, headers, body) => status === 409 && headers.has('retry-after') && typeof body !== 'object' && !String(body ?? '').trim(),
  failureIn(body) {
    if (!body || typeof body !== 'object' || (body as Envelope).WasSuccessful !== false) return undefined;
    const errors = (body as Envelope).Errors;
    return Array.isArray(errors) && errors.length > 0 ? 'invalid_input' : 'provider';
  },
  describe(body) {
    const message = body && typeof body === 'object' ? (body as Envelope).Message : undefined;
    return typeof message === 'string' && message ? message : undefined;
  },
};
