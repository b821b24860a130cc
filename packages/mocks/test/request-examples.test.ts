// Every request example each spec carries (the vendors' own among them) is a request its mock
// accepts: Prism validates it against the same spec, so an example the schema refuses fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, VENDORS } from '../dist/index.js';
import { requestExampleCalls } from './probe.js';

let mocks: Awaited<ReturnType<typeof startMocks>>;
beforeAll(async () => {
  mocks = await startMocks();
});
afterAll(() => mocks?.stop());

const cases = VENDORS.flatMap((vendor) => requestExampleCalls(vendor).map((call) => ({ vendor, ...call })));

describe('request examples', () => {
  it('exist for every vendor with a request body', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('$vendor $label is accepted by the mock', async ({ vendor, method, path, headers, body }) => {
    const response = await fetch(`${mocks.urls[vendor]}${path}`, { method, headers, body });
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBeLessThan(300);
  });
});
