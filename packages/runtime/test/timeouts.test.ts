// Timeouts, cancelling and Retry-After, with a stub fetch: a "server" that never answers is a
// promise waiting for the request's abort signal, and waits to retry run on a fake clock.
import { hang, networkError, stallBody, stubFetch, type StubFetch } from '../../../tests/kit/src/stub-fetch.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientOptions, LogEvent } from '../src/index.js';
import { createThingsClient, listThings } from './things-api.js';

const create = (fetch: StubFetch, options: ClientOptions = {}) => createThingsClient(fetch, options);
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 2 } };

afterEach(() => {
  vi.useRealTimers();
});

describe('timeouts', () => {
  it('times out each attempt that gets no answer, retrying twice', async () => {
    const fetch = stubFetch(hang);
    const error = await listThings.orThrow(create(fetch, { ...fast, timeoutMs: 20 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', attempts: 3 });
    expect((error as Error).message).toMatch(/within 20 ms \(3 attempts\)/);
    expect(fetch.calls).toHaveLength(3);
  });

  it('times out an attempt whose body stalls', async () => {
    const fetch = stubFetch(stallBody(200, '{"ok":'));
    const error = await listThings.orThrow(create(fetch, { ...fast, timeoutMs: 20 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', attempts: 3 });
  });

  it("lets a call's own timeout win over the client's", async () => {
    const fetch = stubFetch(hang);
    const error = await listThings.orThrow(create(fetch, { timeoutMs: 10_000 }), undefined, { timeoutMs: 20, retry: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', attempts: 1 });
    expect((error as Error).message).toMatch(/within 20 ms/);
  });

  it('reports a failed connection as a network error after its retries', async () => {
    const fetch = stubFetch(networkError('ECONNREFUSED'));
    const error = await listThings.orThrow(create(fetch, fast)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', attempts: 3 });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe('cancelling', () => {
  it('reports the caller cancelling a waiting request as cancelled, not as a timeout', async () => {
    const controller = new AbortController();
    // The request has gone out when the stub sees it: cancel then.
    const fetch = stubFetch((call) => {
      controller.abort();
      return hang(call);
    });
    const error = await listThings.orThrow(create(fetch, { timeoutMs: 10_000 }), undefined, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled', attempts: 1 });
  });

  it('stops waiting to retry as soon as the caller cancels', async () => {
    const controller = new AbortController();
    const fetch = stubFetch(new Response(null, { status: 503, headers: { 'retry-after': '30' } }));
    // The retry event is logged just before the wait starts.
    const logger = (event: LogEvent) => event.type === 'retry' && controller.abort();
    const error = await listThings.orThrow(create(fetch, { logger }), undefined, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect((error as Error).message).toMatch(/while waiting to retry/);
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  it('waits as long as Retry-After says before the next attempt', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fetch = stubFetch(new Response(null, { status: 429, headers: { 'retry-after': '2' } }), Response.json({ ok: true }));
    // The retry event is logged as the wait starts, so the clock moves only once it is set.
    let waiting!: (event: LogEvent) => void;
    const retried = new Promise<LogEvent>((resolve) => (waiting = resolve));
    const call = listThings.orThrow(create(fetch, { logger: (event) => event.type === 'retry' && waiting(event) }));
    expect(await retried).toMatchObject({ type: 'retry', delayMs: 2_000, reason: 'HTTP 429' });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(call).resolves.toEqual({ ok: true });
    expect(fetch.calls).toHaveLength(2);
  });

  it('fails at once when Retry-After is longer than the cap, saying how long', async () => {
    const fetch = stubFetch(new Response(null, { status: 429, headers: { 'retry-after': '120' } }));
    const error = await listThings.orThrow(create(fetch)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', attempts: 1, retryAfterMs: 120_000, status: 429 });
    expect(fetch.calls).toHaveLength(1);
  });
});
