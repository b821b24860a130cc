// The drift proxy pointed at Parley's own mocks (issue 16.3): every operation of every registered
// vendor, each documented answer and named example asked for once, reports no drift. The mocks
// answer from the same specs the contract is compiled from, so any finding here is a bug in the
// proxy, the contract or the mocks' state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, VENDORS, type Mocks } from '../dist/index.js';
import { send } from './front-support.js';
import { everyAnswerCalls } from './probe.js';

let upstream: Mocks;
let proxied: Mocks;
beforeAll(async () => {
  upstream = await startMocks();
  proxied = await startMocks({ proxy: Object.fromEntries(VENDORS.map((vendor) => [vendor, upstream.urls[vendor]!])) });
});
afterAll(async () => {
  await proxied?.stop();
  await upstream?.stop();
});

describe('the drift proxy in front of the mocks themselves', () => {
  it.each(VENDORS)('%s: every documented answer passes through without a finding', async (vendor) => {
    const calls = everyAnswerCalls(vendor);
    const statuses = new Set<number>();
    for (const call of calls) {
      const answer = await send(proxied.urls[vendor], call.method, call.path, call.headers, call.body);
      expect(answer.headers.get('parley-mock-error'), call.label).toBeNull();
      statuses.add(answer.status);
    }
    expect(proxied.drift(vendor)).toEqual([]);
    // It did see the answers: every request reached the mock, through the proxy's journal.
    expect(proxied.journal(vendor)).toHaveLength(calls.length);
    expect(upstream.journal(vendor)).toHaveLength(calls.length);
    // Successes and errors both went through (a new vendor's template spec documents only a few).
    expect([...statuses].some((status) => status < 300) && [...statuses].some((status) => status >= 400)).toBe(true);
  });

  it('has no drift endpoint on a port that serves a mock', async () => {
    const answer = await send(upstream.urls[VENDORS[0]!], 'GET', '/__parley/drift');
    expect(answer.status).toBe(404);
    expect(answer.json().detail).toMatch(/serves a mock, not a proxy/);
    expect(upstream.drift()).toEqual([]);
  });
});
