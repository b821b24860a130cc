#!/usr/bin/env node
// A loopback server playing a real vendor that drifts from its spec: each operation answers its
// spec's first success example (a conforming answer), changed on demand (a member removed or set,
// another status, an extra header, a compressed body, or no answer at all). It records every request
// it receives, so that tests can see what the proxy forwarded. Also runs by itself, to try the drift
// proxy by hand (after a build of @parley/mocks):
//   node tools/drifting-vendor.mjs bird --port 6011 \
//     --drift '[{"operationId":"getConversationParticipant","set":{"/status":"archived"}}]'
// or `--drift-file tools/drifting-vendor.bird.json`, the drifts the README's worked example shows.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { loadSpec, operationsOf, resolve } from './codegen/spec.mjs';
import { Router } from '../packages/mocks/dist/router.js';
import { specPath, VENDORS } from '../packages/mocks/dist/vendors.js';

/** A fixed Date, so that two answers to the same request are byte for byte the same. */
const DATE = 'Tue, 01 Jul 2025 12:00:00 GMT';

const segmentsOf = (pointer) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The body with the drift's members removed and set (a copy). */
function mutate(body, drift) {
  const copy = structuredClone(body);
  const walk = (pointer, act) => {
    const segments = segmentsOf(pointer);
    const parent = segments.slice(0, -1).reduce((node, key) => node?.[key], copy);
    if (parent && typeof parent === 'object') act(parent, segments.at(-1));
  };
  for (const pointer of drift.remove ?? []) walk(pointer, (parent, key) => delete parent[key]);
  for (const [pointer, value] of Object.entries(drift.set ?? {})) walk(pointer, (parent, key) => (parent[key] = value));
  return copy;
}

/** Each operation's conforming answer: its lowest success status, the first example of its JSON content, its documented headers' examples. */
function conformingAnswers(vendor) {
  const spec = loadSpec(specPath(vendor));
  return operationsOf(spec).map((op) => {
    const responses = spec.paths[op.path][op.method].responses ?? {};
    const code = Object.keys(responses)
      .filter((c) => /^2\d\d$/.test(c))
      .sort()[0];
    const response = resolve(spec, responses[code]);
    const headers = [['Date', DATE]];
    for (const [name, ref] of Object.entries(response.headers ?? {})) {
      const header = resolve(spec, ref);
      const value = header.example ?? resolve(spec, header.schema ?? {}).example;
      if (value !== undefined) headers.push([name, String(value)]);
    }
    const content = response.content ?? {};
    const mediaType = Object.keys(content).find((type) => /json/.test(type));
    let body;
    if (mediaType) {
      const first = Object.values(content[mediaType].examples ?? {})[0];
      body = first ? resolve(spec, first).value : content[mediaType].example;
      headers.push(['Content-Type', mediaType]);
    }
    return { operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, answer: { status: Number(code), headers, body } };
  });
}

/** @type {import('./drifting-vendor.d.mts').startDriftingVendor} */
export async function startDriftingVendor(vendor, options = {}) {
  const basePath = options.basePath ?? '';
  const operations = conformingAnswers(vendor);
  const router = new Router(operations);
  const received = [];
  let drifts = [];
  const stalled = new Set();

  const handle = (request, response, body) => {
    received.push({ method: request.method, url: request.url, headers: request.headers, rawHeaders: request.rawHeaders, body });
    const url = request.url.startsWith(basePath) ? request.url.slice(basePath.length) : '/';
    const route = router.route(request.method, url);
    if (!route) {
      const text = JSON.stringify({ code: 'NotFound', message: 'no such route' });
      return response.writeHead(404, { 'Content-Type': 'application/json', Date: DATE, 'Content-Length': Buffer.byteLength(text) }).end(text);
    }
    const applying = drifts.filter((d) => d.operationId === undefined || d.operationId === route.operation.operationId);
    if (applying.some((d) => d.stall)) return void stalled.add(response);
    const { answer } = route.operation;
    const value = answer.body === undefined ? undefined : applying.reduce(mutate, answer.body);
    let bytes = value === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(value));
    const headers = [...answer.headers, ...applying.flatMap((d) => d.headers ?? [])];
    const encoding = applying.findLast((d) => d.encoding)?.encoding;
    if (encoding && bytes.length) {
      bytes = encoding === 'gzip' ? gzipSync(bytes) : encoding === 'br' ? brotliCompressSync(bytes) : deflateSync(bytes);
      headers.push(['Content-Encoding', encoding]);
    }
    headers.push(['Content-Length', String(bytes.length)]);
    response.writeHead(applying.findLast((d) => d.status)?.status ?? answer.status, headers.flat());
    response.end(bytes);
  };

  const listener = (request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => handle(request, response, Buffer.concat(chunks)));
  };
  const server = options.tls ? createHttpsServer(options.tls, listener) : createHttpServer(listener);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${basePath}`,
    received,
    drift: (drift) => void (drifts = drift === undefined ? [] : [drift].flat()),
    example: (operationId) => structuredClone(operations.find((op) => op.operationId === operationId).answer.body),
    close: () =>
      new Promise((resolve) => {
        for (const response of stalled) response.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { port: { type: 'string' }, 'base-path': { type: 'string' }, drift: { type: 'string' }, 'drift-file': { type: 'string' } } });
  const [vendor] = positionals;
  if (!VENDORS.includes(vendor)) {
    console.error(`usage: drifting-vendor.mjs <${VENDORS.join('|')}> [--port n] [--base-path /v1] [--drift '<JSON: a drift or a list>' | --drift-file <file.json>]`);
    process.exit(2);
  }
  const server = await startDriftingVendor(vendor, { ...(values.port ? { port: Number(values.port) } : {}), ...(values['base-path'] ? { basePath: values['base-path'] } : {}) });
  const drift = values['drift-file'] ? readFileSync(values['drift-file'], 'utf8') : values.drift;
  if (drift) server.drift(JSON.parse(drift));
  console.log(`${vendor}, drifting: ${server.url}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void server.close().then(() => process.exit(0)));
}
