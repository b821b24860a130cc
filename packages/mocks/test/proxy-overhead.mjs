#!/usr/bin/env node
// What the drift proxy adds to a request's latency: the same GET of Bird's example participant sent
// straight to a loopback upstream and through `parley-mock --proxy bird=<upstream>` (Prism's verdict,
// forwarding, the contract check), one request at a time on kept-alive connections, the two routes
// interleaved so that other load on the machine hits both alike. Each runs in a process of its own.
// `repeated`: the same request each time (Prism's verdict replayed from the cache); `distinct`: a
// new `X-Request-Id` each time (Prism asked every time). Not a test (timings vary by machine):
// `node test/proxy-overhead.mjs [requests=400]` after a build.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { freePort } from '../dist/free-port.js';
import { specPath } from '../dist/vendors.js';

const PATH = '/workspaces/b4e02c85-c6d2-4b15-8885-e09671799c61/conversations/67e4d358-ca94-421e-98b7-448860df9d33/participants/274bd6ff-3295-49a0-a02d-651fb661d7fb';

if (process.argv[2] === '--upstream') {
  // The child: a vendor answering the spec's example participant, as fast as node:http can.
  const spec = parse(readFileSync(specPath('bird'), 'utf8'));
  const body = JSON.stringify(spec.components.examples.UserParticipant.value);
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
} else {
  const count = Number(process.argv[2] ?? 400);
  const children = [];
  const firstLine = (child, pattern) =>
    new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = pattern.exec(out);
        if (match) resolve(match);
      });
      child.once('exit', () => reject(new Error(`exited early:\n${out}`)));
    });
  const upstream = spawn(process.execPath, [fileURLToPath(import.meta.url), '--upstream'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(upstream);
  const [, upstreamPort] = await firstLine(upstream, /^(\d+)\n/);
  const base = await freePort('127.0.0.1');
  const proxy = spawn(process.execPath, [fileURLToPath(new URL('../dist/bin.js', import.meta.url)), '--port', String(base - 1), '--vendors', 'bird', '--proxy', `bird=http://127.0.0.1:${upstreamPort}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(proxy);
  const [, proxyUrl] = await firstLine(proxy, /bird\s+(http:\/\/\S+) →[\s\S]*Ctrl-C stops/);
  const straightUrl = `http://127.0.0.1:${upstreamPort}`;

  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (url, id) =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const headers = { authorization: 'AccessKey correct-horse-battery', ...(id === undefined ? {} : { 'x-request-id': String(id) }) };
      request(`${url}${PATH}`, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`HTTP ${res.statusCode}`))));
      })
        .once('error', reject)
        .end();
    });
  const stats = (ms) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { min: sorted[0], median: at(0.5), p90: at(0.9) };
  };
  const fmt = (n) => n.toFixed(3).padStart(7);

  // Warm-up: connections open, the contract module loaded, Prism's validators compiled.
  for (let i = 0; i < 30; i++) await Promise.all([get(straightUrl), get(proxyUrl), get(proxyUrl, `warm-${i}`)]);
  const runs = { straight: [], repeated: [], distinct: [] };
  for (let i = 0; i < count; i++) {
    runs.straight.push(await get(straightUrl));
    runs.repeated.push(await get(proxyUrl));
    runs.distinct.push(await get(proxyUrl, i));
  }
  console.log(`${count} GETs per route, one at a time, interleaved (ms):`);
  console.log('route                          min  median     p90');
  const straight = stats(runs.straight);
  for (const [name, ms] of Object.entries(runs)) {
    const s = stats(ms);
    console.log(`${name.padEnd(26)}${fmt(s.min)} ${fmt(s.median)} ${fmt(s.p90)}${name === 'straight' ? '' : `   +${fmt(s.median - straight.median).trim()} median`}`);
  }
  for (const child of children) child.kill('SIGTERM');
}
