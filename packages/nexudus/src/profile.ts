import type { VendorProfile } from '@parley/runtime/internal';

type Envelope = { Message?: unknown; WasSuccessful?: unknown; Errors?: unknown; error_description?: unknown };

/**
 * Nexudus' errors: the command envelope `{ Message, WasSuccessful, Errors[] }`, which can arrive
 * with a 200; and throttling as 409 with `Retry-After` and an empty body, unlike a real conflict.
 * The token endpoint answers OAuth's `{ error, error_description }` instead.
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
    const message = body && typeof body === 'object' ? ((body as Envelope).Message ?? (body as Envelope).error_description) : undefined;
    return typeof message === 'string' && message ? message : undefined;
  },
};
