// Static mocks share one Prism process (issue 15.5: loading Prism's modules is most of a start) and
// must still act as one process per vendor did: own log, own json-schema-faker options, all gone on stop().
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specPath, startMocks, startPrism, VENDORS, type Vendor } from '../dist/index.js';
import { probe } from './probe.js';

/** The running Prism processes this test process started (vitest runs each file in a process of its own). */
function prismChildren(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        return Number(ppid) === process.pid && state !== 'Z' && command.includes('prism-process.js') ? [Number(entry)] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

describe.skipIf(VENDORS.length < 2)('startMocks with one Prism process for every vendor', () => {
  it('runs one Prism process for static mocks, one per vendor for dynamic ones, and none once stop() resolves', async () => {
    const mocks = await startMocks();
    try {
      expect(prismChildren()).toHaveLength(1);
    } finally {
      await mocks.stop();
    }
    expect(prismChildren()).toEqual([]);
    const dynamic = await startMocks({ dynamic: true });
    try {
      expect(prismChildren()).toHaveLength(VENDORS.length);
    } finally {
      await dynamic.stop();
    }
    expect(prismChildren()).toEqual([]);
  });

  it("hands each vendor's Prism log lines to that vendor only", async () => {
    const lines = new Map<Vendor, string[]>(VENDORS.map((vendor) => [vendor, []]));
    const mocks = await startMocks({ onLog: (vendor, line) => lines.get(vendor)!.push(line) });
    try {
      for (const vendor of VENDORS) await (await fetch(`${mocks.urls[vendor]}/log-probe-${vendor}`)).arrayBuffer();
    } finally {
      await mocks.stop();
    }
    for (const vendor of VENDORS) {
      const own = lines.get(vendor)!;
      expect(own.some((line) => line.includes(`/log-probe-${vendor}`)), vendor).toBe(true);
      expect(own.filter((line) => /log-probe-/.test(line) && !line.includes(`/log-probe-${vendor}`)), vendor).toEqual([]);
      for (const line of own) expect(() => JSON.parse(line), line).not.toThrow(); // Prism's line as it wrote it
    }
  });

  it('answers Prefer: dynamic=true with the options of each spec (x-json-schema-faker), as a Prism of its own does', async () => {
    const shared = await startMocks({ seed: 'shared-process' });
    const own = await Promise.all(VENDORS.map((vendor) => startPrism({ spec: specPath(vendor), vendor, seed: 'shared-process' })));
    try {
      let generated = 0;
      for (const [i, vendor] of VENDORS.entries()) {
        const doc = parse(readFileSync(specPath(vendor), 'utf8')) as { paths: Record<string, { get?: unknown }> };
        const headers = { ...probe(vendor).headers, Prefer: 'dynamic=true' };
        for (const template of Object.keys(doc.paths).filter((path) => doc.paths[path]!.get)) {
          const path = template.replace(/\{[^}]+\}/g, '1');
          const answer = async (base: string) => (await fetch(`${base}${path}`, { headers })).text();
          const [a, b] = await Promise.all([answer(shared.urls[vendor]!), answer(own[i]!.url)]);
          expect(a, `${vendor} GET ${path}`).toBe(b);
          if (a.startsWith('{') || a.startsWith('[')) generated++;
        }
      }
      expect(generated).toBeGreaterThan(0);
    } finally {
      await Promise.all([shared.stop(), ...own.map((server) => server.stop())]);
    }
  });
});
