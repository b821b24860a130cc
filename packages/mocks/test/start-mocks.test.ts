import { describe, expect, it } from 'vitest';
import { mockPort, startMocks, VENDORS } from '../dist/index.js';
import { freeBase } from './free-base.js';
import { probe } from './probe.js';

const get = async (base: string | undefined, vendor: (typeof VENDORS)[number]) => {
  const { path, headers } = probe(vendor);
  return fetch(`${base}${path}`, { headers });
};
const [first, last] = [VENDORS[0]!, VENDORS.at(-1)!];

describe('startMocks', () => {
  it('serves every registered vendor, each answering with its documented example', async () => {
    const mocks = await startMocks();
    try {
      expect(Object.keys(mocks.urls)).toEqual([...VENDORS]);
      for (const vendor of VENDORS) {
        const response = await get(mocks.urls[vendor], vendor);
        expect(response.status, vendor).toBe(200);
        expect(await response.json(), vendor).toEqual(probe(vendor).example);
      }
    } finally {
      await mocks.stop();
    }
    await expect(get(mocks.urls[first], first)).rejects.toThrow();
  });

  it('puts each vendor on base + its port offset, also when serving a subset', async () => {
    const base = await freeBase();
    const subset = [...new Set([last, first])];
    const mocks = await startMocks({ vendors: subset, port: base });
    try {
      expect(mocks.urls).toEqual(Object.fromEntries(subset.map((vendor) => [vendor, `http://127.0.0.1:${mockPort(vendor, base)}`])));
      expect(Object.keys(mocks.urls)).toEqual(subset);
    } finally {
      await mocks.stop();
    }
  });

  it('repeats dynamic responses for the same seed', async () => {
    const [a, b] = await Promise.all([startMocks({ vendors: [first], dynamic: true, seed: 'qa-42' }), startMocks({ vendors: [first], dynamic: true, seed: 'qa-42' })]);
    try {
      const read = async (url: string | undefined) => (await get(url, first)).json();
      const [one, two] = [await read(a.urls[first]), await read(b.urls[first])];
      expect(one).toEqual(two);
      expect(one).toEqual(expect.any(Object));
      expect(one).not.toEqual(probe(first).example); // generated, not the example
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('names the vendor and port when a port is taken, and leaves nothing running', async () => {
    const base = await freeBase();
    const taken = await startMocks({ vendors: [last], port: base });
    try {
      await expect(startMocks({ port: base })).rejects.toThrow(`${last} mock: port ${mockPort(last, base)} on 127.0.0.1 is already in use`);
      // the others had started; they were stopped again
      for (const vendor of VENDORS.filter((v) => v !== last)) await expect(fetch(`http://127.0.0.1:${mockPort(vendor, base)}/`)).rejects.toThrow();
    } finally {
      await taken.stop();
    }
  });
});
