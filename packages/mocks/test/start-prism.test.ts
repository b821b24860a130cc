import { createServer } from 'node:net';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrismStartError, specPath, startPrism, VENDORS } from '../dist/index.js';
import { invalidRequest, probe } from './probe.js';

// Any registered vendor's spec will do; these test Prism's life cycle, not a vendor.
const vendor = VENDORS[0]!;
const spec = specPath(vendor);
const { path, headers, example } = probe(vendor);
// The first vendor whose spec bounds a query parameter, to send a request that breaks it.
const bounded = VENDORS.map((v) => ({ spec: specPath(v), request: invalidRequest(v) })).find((v) => v.request)!;

describe('startPrism', () => {
  it('serves the spec on an ephemeral loopback port and stops completely', async () => {
    const prism = await startPrism({ spec });
    try {
      expect(prism.url).toBe(`http://127.0.0.1:${prism.port}`);
      const response = await fetch(`${prism.url}${path}`, { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(example);
    } finally {
      await prism.stop();
    }
    await expect(fetch(`${prism.url}${path}`)).rejects.toThrow();
    await prism.stop(); // a second stop is harmless
  });

  // (With validation off it accepts them: see the CLI's --no-validate test.)
  it('rejects requests that break the spec', async () => {
    expect(bounded, 'no registered spec bounds a query parameter').toBeDefined();
    const prism = await startPrism({ spec: bounded.spec });
    try {
      const response = await fetch(`${prism.url}${bounded.request!.path}`, { headers: bounded.request!.headers });
      // The spec's own 400 when it documents one, else Prism's 422 with what failed.
      expect([400, 422]).toContain(response.status);
      if (response.status === 422) {
        expect(await response.json()).toMatchObject({ validation: [{ location: ['query', bounded.request!.parameter], code: 'minimum' }] });
      }
    } finally {
      await prism.stop();
    }
  });

  it('quotes Prism when the spec cannot be served', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-mocks-'));
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, 'openapi: 3.1.0\npaths: [\n');
    const failure = startPrism({ spec: broken, startTimeoutMs: 20_000 });
    await expect(failure).rejects.toBeInstanceOf(PrismStartError);
    await expect(failure).rejects.toThrow(/Prism could not serve .*broken\.yaml: .*unexpected end of the stream/);
  });

  it('fails clearly when the requested port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const failure = startPrism({ spec, port });
      await expect(failure).rejects.toBeInstanceOf(PrismStartError);
      await expect(failure).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
