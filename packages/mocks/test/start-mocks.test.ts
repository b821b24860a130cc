import { describe, expect, it } from 'vitest';
import { startMocks, VENDORS } from '../dist/index.js';
import { freeBase } from './free-base.js';

const auth = { softwareone: 'Bearer t', bird: 'AccessKey k', nexudus: 'Bearer t' };
const probes = {
  softwareone: '/public/v1/helpdesk/chats/CHT-4821-7730-1955/participants/CPT-5104-3382-7716',
  bird: '/workspaces/b4e02c85-c6d2-4b15-8885-e09671799c61/conversations/67e4d358-ca94-421e-98b7-448860df9d33/participants/x',
  nexudus: '/api/support/chatrooms/87654321',
};

describe('startMocks', () => {
  it('serves every vendor, each answering with its documented example', async () => {
    const mocks = await startMocks();
    try {
      expect(Object.keys(mocks.urls)).toEqual([...VENDORS]);
      const bodies = await Promise.all(
        VENDORS.map(async (vendor) => (await fetch(`${mocks.urls[vendor]}${probes[vendor]}`, { headers: { Authorization: auth[vendor] } })).json()),
      );
      expect(bodies[0]).toMatchObject({ id: 'CPT-5104-3382-7716', contact: { id: 'CTT-0001-9158' } });
      expect(bodies[1]).toMatchObject({ id: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf', type: 'user' });
      expect(bodies[2]).toMatchObject({ Id: 87654321, Users: [1029384, 1029391] });
    } finally {
      await mocks.stop();
    }
    await expect(fetch(`${mocks.urls.bird}${probes.bird}`)).rejects.toThrow();
  });

  it('puts each vendor on base + its index, also when serving a subset', async () => {
    const base = await freeBase();
    const mocks = await startMocks({ vendors: ['nexudus', 'softwareone'], port: base });
    try {
      expect(mocks.urls).toEqual({ nexudus: `http://127.0.0.1:${base + 2}`, softwareone: `http://127.0.0.1:${base}` });
    } finally {
      await mocks.stop();
    }
  });

  it('repeats dynamic responses for the same seed', async () => {
    const [a, b] = await Promise.all([startMocks({ vendors: ['bird'], dynamic: true, seed: 'qa-42' }), startMocks({ vendors: ['bird'], dynamic: true, seed: 'qa-42' })]);
    try {
      const read = async (url: string | undefined) => (await fetch(`${url}${probes.bird}`, { headers: { Authorization: auth.bird } })).json();
      const [first, second] = [await read(a.urls.bird), await read(b.urls.bird)];
      expect(first).toEqual(second);
      expect(first).not.toMatchObject({ id: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf' }); // generated, not the example
      expect(first).toEqual(expect.objectContaining({ id: expect.any(String), type: expect.any(String) }));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('names the vendor and port when a port is taken, and leaves nothing running', async () => {
    const base = await freeBase();
    const first = await startMocks({ vendors: ['bird'], port: base });
    try {
      await expect(startMocks({ port: base })).rejects.toThrow(`bird mock: port ${base + 1} on 127.0.0.1 is already in use`);
      // the other two had started; they were stopped again
      await expect(fetch(`http://127.0.0.1:${base}/`)).rejects.toThrow();
    } finally {
      await first.stop();
    }
  });
});
