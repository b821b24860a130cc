// The front asks Prism once per distinct request and replays its answer (issue 15.5): what makes two
// requests distinct, what is never replayed, and that the journal and the state still see every request.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFront, type Front } from '../dist/front.js';
import { specPath, startPrism, type PrismServer } from '../dist/index.js';
import { VerdictCache } from '../dist/verdict-cache.js';
import { NEXUDUS, send } from './front-support.js';

const fakeRequest = (method: string, url: string, headers: Record<string, string>) => ({ method, url, rawHeaders: Object.entries(headers).flat() }) as unknown as IncomingMessage;

describe('the verdict cache', () => {
  it('keeps at most its bound, dropping the least recently used first', () => {
    const cache = new VerdictCache<{ body: Buffer }>({ entries: 3 });
    for (const key of ['a', 'b', 'c']) cache.set(key, { body: Buffer.from(key) });
    cache.get('a'); // now b is the oldest
    cache.set('d', { body: Buffer.from('d') });
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((key) => cache.get(key)?.body.toString())).toEqual(['a', 'c', 'd']);
  });

  it('ignores transport headers only, and remembers no large body', () => {
    const cache = new VerdictCache<{ body: Buffer }>({ maxBodyBytes: 4 });
    const key = (headers: Record<string, string>, body?: string) => cache.keyOf(fakeRequest('PUT', '/a?b=1', headers), body === undefined ? undefined : Buffer.from(body));
    const base = key({ Authorization: 'Bearer k', Prefer: 'code=200' }, 'x');
    expect(key({ Host: 'other:1', Connection: 'close', 'User-Agent': 'qa', 'Accept-Encoding': 'br', 'Content-Length': '1', Authorization: 'Bearer k', Prefer: 'code=200' }, 'x')).toBe(base);
    for (const other of [key({ Authorization: 'Bearer j', Prefer: 'code=200' }, 'x'), key({ Authorization: 'Bearer k', Prefer: 'code=400' }, 'x'), key({ Authorization: 'Bearer k', Prefer: 'code=200', Accept: 'text/html' }, 'x'), key({ Authorization: 'Bearer k', Prefer: 'code=200' }, 'y')]) {
      expect(other).not.toBe(base);
    }
    expect(key({}, 'large')).toBeUndefined();
    cache.set('big', { body: Buffer.from('large') });
    expect(cache.get('big')).toBeUndefined();
  });
});

describe('the front with the verdict cache', () => {
  let upstream: Server;
  let front: Front;
  const seen: string[] = [];

  /** A stand-in for Prism that records `METHOD url body` and answers with a fresh counter, so a replay shows. */
  async function startUpstream(): Promise<string> {
    seen.length = 0;
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'yes' }).end(JSON.stringify({ answer: seen.length }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    await front?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('answers a second identical request without asking the upstream, the same way, and journals both', async () => {
    front = await startFront({ upstream: await startUpstream(), host: '127.0.0.1', port: 0 });
    const [first, second] = [await send(front.url, 'PUT', '/a?b=1', { Authorization: 'Bearer k' }, { x: 1 }), await send(front.url, 'PUT', '/a?b=1', { Authorization: 'Bearer k' }, { x: 1 })];
    expect(seen).toHaveLength(1);
    for (const response of [first, second]) {
      expect(response).toMatchObject({ status: 201, text: '{"answer":1}' });
      expect(response.headers.get('x-upstream')).toBe('yes');
      expect(response.headers.get('date')).toBeTruthy();
    }
    expect(front.journal()).toEqual([expect.objectContaining({ method: 'PUT', path: '/a', query: { b: '1' }, body: { x: 1 }, valid: true, status: 201 }), expect.objectContaining({ method: 'PUT', path: '/a', query: { b: '1' }, body: { x: 1 }, valid: true, status: 201 })]);
  });

  it('asks the upstream for a request that differs in body, Prefer, Authorization or query', async () => {
    front = await startFront({ upstream: await startUpstream(), host: '127.0.0.1', port: 0 });
    const headers = { Authorization: 'Bearer k' };
    await send(front.url, 'PUT', '/a?b=1', headers, { x: 1 });
    await send(front.url, 'PUT', '/a?b=1', headers, { x: 2 });
    await send(front.url, 'PUT', '/a?b=1', { ...headers, Prefer: 'code=400' }, { x: 1 });
    await send(front.url, 'PUT', '/a?b=1', { Authorization: 'Bearer j' }, { x: 1 });
    await send(front.url, 'PUT', '/a?b=2', headers, { x: 1 });
    expect(seen).toHaveLength(5);
  });

  it('never replays a request asking for a dynamic answer, nor any answer of a dynamic server', async () => {
    front = await startFront({ upstream: await startUpstream(), host: '127.0.0.1', port: 0 });
    for (let i = 0; i < 2; i++) await send(front.url, 'GET', '/a', { Prefer: 'dynamic=true' });
    for (let i = 0; i < 2; i++) await send(front.url, 'GET', '/a?__dynamic=true');
    expect(seen).toHaveLength(4);
    await front.close();
    front = await startFront({ upstream: await startUpstream(), host: '127.0.0.1', port: 0, dynamic: true });
    const answers = [await send(front.url, 'GET', '/a'), await send(front.url, 'GET', '/a')];
    expect(answers.map((a) => a.text)).toEqual(['{"answer":1}', '{"answer":2}']);
  });
});

describe('a replayed answer and the state', () => {
  let prism: PrismServer;
  const prismRequests: string[] = [];
  beforeAll(async () => {
    // Prism logs each request it receives at info, as one JSON line with its `input`.
    prism = await startPrism({ spec: specPath('nexudus'), onLog: (line) => line.includes('"input":{"method"') && prismRequests.push(line) });
  });
  afterAll(() => prism?.stop());

  it('still applies a write answered from the cache', async () => {
    const puts = () => prismRequests.filter((line) => line.includes('"method":"put"')).length;
    const named = (Name: string) => ({ ...NEXUDUS.update, Name });
    for (const name of ['Cached desk', 'Other desk', 'Cached desk']) expect((await send(prism.url, 'PUT', NEXUDUS.rooms, NEXUDUS.headers, named(name))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100)); // Prism's log lines arrive over a pipe
    expect(puts()).toBe(2); // the third PUT was the first one again
    expect((await send(prism.url, 'GET', NEXUDUS.room, NEXUDUS.headers)).json()).toMatchObject({ Name: 'Cached desk' });
    expect(prism.journal().filter((entry) => entry.method === 'PUT')).toHaveLength(3);
  });
});
