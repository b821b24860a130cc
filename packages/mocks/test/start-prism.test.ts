import { createServer } from 'node:net';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PrismStartError, startPrism } from '../dist/index.js';

const birdSpec = fileURLToPath(new URL('../../../specs/bird/openapi.yaml', import.meta.url));
const nexudusSpec = fileURLToPath(new URL('../../../specs/nexudus/openapi.yaml', import.meta.url));
const participantUrl = (base: string) =>
  `${base}/workspaces/b4e02c85-c6d2-4b15-8885-e09671799c61/conversations/67e4d358-ca94-421e-98b7-448860df9d33/participants/p1`;

describe('startPrism', () => {
  it('serves the spec on an ephemeral loopback port and stops completely', async () => {
    const prism = await startPrism({ spec: birdSpec });
    try {
      expect(prism.url).toBe(`http://127.0.0.1:${prism.port}`);
      const response = await fetch(participantUrl(prism.url), { headers: { Authorization: 'AccessKey k' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf' });
    } finally {
      await prism.stop();
    }
    await expect(fetch(participantUrl(prism.url))).rejects.toThrow();
    await prism.stop(); // a second stop is harmless
  });

  it('rejects requests that break the spec', async () => {
    const prism = await startPrism({ spec: nexudusSpec });
    try {
      const response = await fetch(`${prism.url}/api/support/chatrooms?page=0`, { headers: { Authorization: 'Bearer t' } });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ validation: [{ location: ['query', 'page'], code: 'minimum' }] });
    } finally {
      await prism.stop();
    }
  });

  it('accepts requests that break the spec when validation is off', async () => {
    const prism = await startPrism({ spec: nexudusSpec, validate: false });
    try {
      const response = await fetch(`${prism.url}/api/support/chatrooms?page=0`, { headers: { Authorization: 'Bearer t' } });
      expect(response.status).toBe(200);
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
      const failure = startPrism({ spec: birdSpec, port });
      await expect(failure).rejects.toBeInstanceOf(PrismStartError);
      await expect(failure).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
