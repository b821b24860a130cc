import type { VendorProfile } from '@parley/runtime/internal';

/** SoftwareOne's errors: RFC 9457 ProblemDetails, with the W3C `traceId` support asks for. */
export const softwareOneProfile: VendorProfile = {
  provider: 'softwareone',
  describe(body) {
    if (!body || typeof body !== 'object') return undefined;
    // Some gateway errors carry statusCode/message instead of status/title.
    const { title, detail, message } = body as { title?: unknown; detail?: unknown; message?: unknown };
    return [title ?? message, detail].filter((part) => typeof part === 'string' && part).join(': ') || undefined;
  },
  requestId(body) {
    const traceId = (body as { traceId?: unknown } | null | undefined)?.traceId; // undefined on a string or number too
    return typeof traceId === 'string' ? traceId : undefined;
  },
};
