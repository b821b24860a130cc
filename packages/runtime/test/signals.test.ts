// One AbortSignal shared by many calls: no listener piles up on it, and it cancels them all.
import { stubFetch } from '../../../tests/kit/src/stub-fetch.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createThingsClient, listThings } from './things-api.js';

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
afterEach(() => {
  process.off('warning', onWarning);
});

describe('a signal shared by many calls', () => {
  it('adds no listener per call waiting to retry (Node warns past ten), and cancels them all', async () => {
    process.on('warning', onWarning);
    const controller = new AbortController();
    const fetch = stubFetch(new Response(null, { status: 503, headers: { 'retry-after': '30' } }));
    const client = createThingsClient(fetch);
    const calls = Array.from({ length: 25 }, () => listThings.orThrow(client, undefined, { signal: controller.signal }).catch((e: unknown) => e));
    while (fetch.calls.length < 25) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20)); // all 25 now wait 30 s to retry
    controller.abort();
    const errors = await Promise.all(calls);
    expect(errors.every((error) => (error as { code?: string }).code === 'cancelled')).toBe(true);
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
