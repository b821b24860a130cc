// The mock front on its own, in front of a plain HTTP server standing in for Prism: what it forwards
// arrives unchanged, bodies stream both ways, connections to the upstream are reused, and closing it
// leaves no port open.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFront, type Front } from '../dist/front.js';
import { freePort } from '../dist/index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  bytes: number;
}

let upstream: Server;
let front: Front;
const seen: Seen[] = [];
let connections = 0;

/** A stand-in for Prism that records each request and answers with a body of `size` bytes (`?size=`). */
async function startUpstream(): Promise<string> {
  seen.length = 0;
  connections = 0;
  upstream = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, bytes });
      const size = Number(new URL(req.url!, 'http://x').searchParams.get('size') ?? 2);
      res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'yes' });
      res.end(size === 2 ? '{}' : JSON.stringify('x'.repeat(size - 2)));
    });
  });
  upstream.on('connection', () => connections++);
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await front?.close();
  await new Promise((resolve) => upstream?.close(resolve));
});

describe('the mock front', () => {
  it('forwards method, path, query, headers and a streamed body, and gives the answer back unchanged', async () => {
    front = await startFront({ upstream: await startUpstream(), host: '127.0.0.1', port: 0 });
    // A chunked body of 1 MB, sent as a stream.
    const megabyte = new Uint8Array(1 << 20).fill(120);
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 16; i++) controller.enqueue(megabyte.subarray(i << 16, (i + 1) << 16));
        controller.close();
      },
    });
    const response = await fetch(`${front.url}/a/b%2Fc?size=300000&x=1`, { method: 'POST', headers: { 'x-custom': 'kept', Authorization: 'AccessKey k' }, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-upstream')).toBe('yes');
    expect((await response.text()).length).toBe(300_000);
    expect(seen).toEqual([expect.objectContaining({ method: 'POST', url: '/a/b%2Fc?size=300000&x=1', bytes: 1 << 20 })]);
    expect(seen[0]!.headers).toMatchObject({ 'x-custom': 'kept', authorization: 'AccessKey k', 'transfer-encoding': 'chunked' });
  });

  it('reuses its connections to the upstream', async () => {
    front = await startFront({ upstream: await startUpstream(), host: '127.0.0.1', port: 0 });
    for (let i = 0; i < 20; i++) await (await fetch(`${front.url}/x?${i}`, { headers: { connection: 'close' } })).text(); // distinct: equal ones are replayed
    expect(seen).toHaveLength(20);
    expect(connections).toBe(1); // the client's `Connection: close` is its own connection's business
  });

  it('answers what it intercepts without asking the upstream, and draws the body off', async () => {
    front = await startFront({
      upstream: await startUpstream(),
      host: '127.0.0.1',
      port: 0,
      intercept: (req) => (req.url === '/refused' ? { status: 401, headers: { 'content-type': 'application/json' }, body: '{"no":true}' } : undefined),
    });
    const refused = await fetch(`${front.url}/refused`, { method: 'POST', body: 'x'.repeat(100_000), headers: { origin: 'http://app.test' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(await refused.json()).toEqual({ no: true });
    expect((await fetch(`${front.url}/next`)).status).toBe(201);
    expect(seen.map((s) => s.url)).toEqual(['/next']);
  });

  it('says so when the upstream does not answer', async () => {
    const port = await freePort('127.0.0.1'); // nothing listens there
    front = await startFront({ upstream: `http://127.0.0.1:${port}`, host: '127.0.0.1', port: 0 });
    const response = await fetch(`${front.url}/x`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ title: expect.stringContaining('did not answer') });
  });

  it('closes its port and drops kept-alive connections, also when closed twice', async () => {
    front = await startFront({ upstream: await startUpstream(), host: '127.0.0.1', port: 0 });
    // A kept-alive connection left open by a client.
    await new Promise<void>((resolve) => request(`${front.url}/x`, (res) => res.resume().on('end', resolve)).end());
    await Promise.all([front.close(), front.close()]);
    await expect(fetch(`${front.url}/x`)).rejects.toThrow();
  });

  it('refuses to start on a port that is taken', async () => {
    front = await startFront({ upstream: await startUpstream(), host: '127.0.0.1', port: 0 });
    await expect(startFront({ upstream: 'http://127.0.0.1:1', host: '127.0.0.1', port: front.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
