// `isParleyError` narrows by code, and each code carries the fields its type promises.
import { stubFetch } from '../../../tests/kit/src/stub-fetch.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isParleyError, ParleyError } from '../src/index.js';
import { vendorErrorGuard } from '../src/internal.js';
import { createThingsClient, listThings } from './things-api.js';

const failWith = async (answer: Response) => listThings.orThrow(createThingsClient(stubFetch(answer), { retry: false })).catch((e: unknown) => e);

describe('isParleyError', () => {
  it('is false for anything else', () => {
    for (const value of [new Error('x'), new TypeError('x'), { code: 'timeout' }, null, undefined, 'timeout']) expect(isParleyError(value)).toBe(false);
  });

  it('narrows by code; rate_limited always has a status and retryAfterMs, even without Retry-After', async () => {
    const error = await failWith(new Response(null, { status: 429 }));
    expect(isParleyError(error, 'not_found')).toBe(false);
    expect(isParleyError(error, 'rate_limited')).toBe(true);
    if (!isParleyError(error, 'rate_limited')) throw error;
    expectTypeOf(error.retryAfterMs).toEqualTypeOf<number>();
    expectTypeOf(error.status).toEqualTypeOf<number>();
    expect(error).toMatchObject({ status: 429, retryAfterMs: expect.any(Number) });
  });

  it('gives the status of HTTP codes and the field of input refused before sending', async () => {
    const unauthorized = await failWith(new Response('{}', { status: 401 }));
    if (!isParleyError(unauthorized, 'unauthorized')) throw unauthorized;
    expectTypeOf(unauthorized.status).toEqualTypeOf<number>();
    const refused = await listThings(createThingsClient(stubFetch()), undefined, { timeoutMs: -1 }).catch((e: unknown) => e);
    if (!isParleyError(refused, 'invalid_input')) throw refused;
    expect(refused.field).toBe('timeoutMs');
  });

  it('per vendor: only that provider, with its body type', async () => {
    const error = await failWith(Response.json({ title: 'gone' }, { status: 404 }));
    const isTestError = vendorErrorGuard<{ title: string }>('test');
    expect(isTestError(error)).toBe(true);
    expect(vendorErrorGuard('other')(error)).toBe(false);
    if (!isTestError(error)) throw error;
    expectTypeOf(error.body).toEqualTypeOf<{ title: string } | undefined>();
    expect(error.body?.title).toBe('gone');
    expect(error).toBeInstanceOf(ParleyError);
  });
});
