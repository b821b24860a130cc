import { createServer } from 'node:net';
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

  it('puts each vendor on base + its port offset, also for a subset, and a taken port fails naming it with nothing left running', async () => {
    const base = await freeBase();
    const subset = [...new Set([last, first])];
    const taken = await startMocks({ vendors: subset, port: base });
    try {
      expect(taken.urls).toEqual(Object.fromEntries(subset.map((vendor) => [vendor, `http://127.0.0.1:${mockPort(vendor, base)}`])));
      expect(Object.keys(taken.urls)).toEqual(subset);
      // All of them on the same base: the first taken port in registry order is named.
      await expect(startMocks({ port: base })).rejects.toThrow(`${first} mock: port ${mockPort(first, base)} on 127.0.0.1 is already in use`);
      // the others had started; they were stopped again
      for (const vendor of VENDORS.filter((v) => !subset.includes(v))) await expect(fetch(`http://127.0.0.1:${mockPort(vendor, base)}/`)).rejects.toThrow();
    } finally {
      await taken.stop();
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

  it('generates a new answer for each of two identical requests to a dynamic mock (none is replayed)', async () => {
    const mocks = await startMocks({ vendors: [first], dynamic: true });
    try {
      const read = async () => JSON.stringify(await (await get(mocks.urls[first], first)).json());
      const answers = new Set([await read(), await read(), await read()]);
      expect(answers.size).toBeGreaterThan(1);
    } finally {
      await mocks.stop();
    }
  });

  it('stop() frees every port, with kept-alive and stalled connections still open', async () => {
    const base = await freeBase();
    const mocks = await startMocks({ port: base });
    const ports = VENDORS.map((vendor) => mockPort(vendor, base));
    for (const vendor of VENDORS) {
      mocks.fault(vendor, { fault: 'stall' });
      const { path, headers } = probe(vendor);
      // Headers, then a body that never comes: the connection stays open.
      const stalled = await fetch(`${mocks.urls[vendor]}${path}`, { headers });
      expect(stalled.status).toBe(200);
      await (await get(mocks.urls[vendor], vendor)).arrayBuffer(); // a kept-alive connection
    }
    await mocks.stop();
    for (const port of ports) {
      await new Promise<void>((resolve, reject) => {
        const server = createServer().once('error', reject);
        server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
      });
    }
  });

});
