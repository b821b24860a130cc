// The deadline bounds a whole call, retries and waits included; it is reported as `timeout`.
import { hang, stubFetch } from '../../../tests/kit/src/stub-fetch.js';
import { describe, expect, it } from 'vitest';
import { createThingsClient, listThings } from './things-api.js';

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 2 } };

describe('deadlineMs', () => {
  it('does not wait for a Retry-After that would pass it: the throttle is reported at once', async () => {
    const fetch = stubFetch(new Response(null, { status: 429, headers: { 'retry-after': '5' } }), Response.json({ ok: true }));
    const error = await listThings.orThrow(createThingsClient(fetch, { timeoutMs: 1_000, deadlineMs: 1_000 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, attempts: 1, retryAfterMs: 5_000 });
    expect((error as Error).message).toMatch(/not retried: the wait would pass the 1000 ms deadline/);
    expect(fetch.calls).toHaveLength(1);
  });

  it('cuts the attempt that is running when it passes: timeout, never cancelled, not retried', async () => {
    const fetch = stubFetch(hang);
    const error = await listThings.orThrow(createThingsClient(fetch, { ...fast, timeoutMs: 10_000, deadlineMs: 30 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', attempts: 1 });
    expect((error as Error).message).toMatch(/within the 30 ms deadline/);
    expect(fetch.calls).toHaveLength(1);
  });

  it('covers retries: quick failures are retried until an attempt runs into it', async () => {
    const fetch = stubFetch(new Response(null, { status: 503 }), hang);
    // Room for the quick first attempt and its short backoff even on a loaded machine (at 40 ms a slow
    // first attempt left no time to retry, and the 503 was rightly reported instead).
    const error = await listThings.orThrow(createThingsClient(fetch, fast), undefined, { timeoutMs: 10_000, deadlineMs: 400 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', attempts: 2 });
    expect(fetch.calls).toHaveLength(2);
  });

  it("per call, wins over the client's", async () => {
    const fetch = stubFetch(hang);
    const client = createThingsClient(fetch, { ...fast, deadlineMs: 60_000 });
    const error = await listThings.orThrow(client, undefined, { deadlineMs: 20 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', attempts: 1 });
    expect((error as Error).message).toMatch(/within the 20 ms deadline/);
  });

  it('leaves a call that ends in time alone', async () => {
    const fetch = stubFetch(new Response(null, { status: 503 }), Response.json({ ok: true }));
    await expect(listThings.orThrow(createThingsClient(fetch, { ...fast, deadlineMs: 5_000 }))).resolves.toEqual({ ok: true });
    expect(fetch.calls).toHaveLength(2);
  });
});
