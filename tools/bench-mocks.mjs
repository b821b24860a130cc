#!/usr/bin/env node
// `pnpm bench:mocks`: how fast `pnpm mock` starts and answers, side by side in one run (issue 15.5).
//   1. start-up: every vendor's mock answering, over several cold starts of startMocks();
//   2. requests/s and p99 latency of one vendor's GET of a single participant (the deepest GET with a
//      documented 200 example) at 10 and 50 connections, for
//        bare  — a node:http server answering the very bytes Prism answers (the ceiling),
//        prism — Prism alone, as the mocks run it (dist/prism-process.js),
//        front — the mock as users hit it: the front with its own Prism, validation and state on;
//      interleaved (bare, prism, front, bare, …) so other load on the machine hits all alike.
// The load generator is autocannon; each server runs in a process of its own, apart from it.
// Not a test: timings vary by machine. Targets: ready in ≤ 1 s; front ≥ 0.25× bare.
//   pnpm bench:mocks [-- --vendor bird --starts 5 --rounds 3 --seconds 4 --connections 10,50 --profile <dir>]
// `--profile <dir>` runs the `prism` server under `node --cpu-prof` and leaves its profile in <dir>.
import autocannon from 'autocannon';
import { fork, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { credentialSchemes } from './codegen/render.mjs';
import { loadSpec, operationParameters, resolve } from './codegen/spec.mjs';

const dist = new URL('../packages/mocks/dist/', import.meta.url);
const { startMocks, freePort, specPath, VENDORS } = await import(new URL('index.js', dist));

// --- Servers, each in a child process of this script: `bench-mocks.mjs --serve <kind> <json>` ---

if (process.argv[2] === '--serve') {
  const [kind, json] = process.argv.slice(3);
  const settings = JSON.parse(json);
  if (kind === 'bare') {
    const { status, headers, body } = settings;
    const server = createServer((request, response) => {
      request.resume();
      response.writeHead(status, headers).end(body);
    });
    server.listen(0, '127.0.0.1', () => process.send(`http://127.0.0.1:${server.address().port}`));
    process.once('disconnect', () => process.exit(0)); // the bench is done
  } else {
    const mocks = await startMocks({ vendors: [settings.vendor] });
    process.send(mocks.urls[settings.vendor]);
    process.once('disconnect', () => void mocks.stop().then(() => process.exit(0)));
  }
} else {
  await bench();
}

async function bench() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      vendor: { type: 'string', default: 'bird' },
      starts: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '4' },
      connections: { type: 'string', default: '10,50' },
      profile: { type: 'string' },
    },
  });
  const vendor = values.vendor;
  if (!VENDORS.includes(vendor)) throw new Error(`unknown vendor ${vendor}; use ${VENDORS.join(', ')}`);
  const [starts, rounds, seconds] = [values.starts, values.rounds, values.seconds].map(Number);
  const connectionCounts = values.connections.split(',').map(Number);

  // 1. Start-up, cold: a new set of Prism processes every time.
  const times = [];
  for (let i = 0; i < starts; i++) {
    const started = performance.now();
    const mocks = await startMocks();
    times.push(performance.now() - started);
    await mocks.stop();
  }
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`start-up, all ${VENDORS.length} mocks ready (${starts} cold starts): median ${s(median(times))}, min ${s(Math.min(...times))}, max ${s(Math.max(...times))}   target ≤ 1 s`);

  // 2. Throughput.
  const { path, headers } = participantGet(vendor);
  const prism = await startPrismAlone(vendor, values.profile);
  const servers = [];
  try {
    const sample = await fetch(new URL(path, prism.url), { headers });
    const body = await sample.text();
    if (sample.status !== 200) throw new Error(`GET ${path} answered ${sample.status}: ${body}`);
    const bare = await serve('bare', { status: 200, headers: { 'content-type': sample.headers.get('content-type') }, body });
    const front = await serve('front', { vendor });
    servers.push(bare, front);
    const targets = { bare: bare.url, prism: prism.url, front: front.url };

    for (const url of Object.values(targets)) await load(url, path, headers, 10, 1); // warm-up: JIT, Prism's caches
    const results = {}; // `${connections} ${target}` → runs
    for (let round = 0; round < rounds; round++) {
      for (const connections of connectionCounts) {
        for (const [name, url] of Object.entries(targets)) {
          (results[`${connections} ${name}`] ??= []).push(await load(url, path, headers, connections, seconds));
        }
      }
    }

    console.log(`\nGET ${path} (${vendor}, ${body.length} B), ${rounds} interleaved rounds of ${seconds} s, autocannon`);
    console.log('connections  server  req/s median (min)   p99 ms median (min)   req/s × bare');
    for (const connections of connectionCounts) {
      const bareRate = median(results[`${connections} bare`].map((r) => r.rate));
      for (const name of Object.keys(targets)) {
        const runs = results[`${connections} ${name}`];
        const rate = runs.map((r) => r.rate);
        const p99 = runs.map((r) => r.p99);
        const faults = runs.reduce((sum, r) => sum + r.faults, 0);
        console.log(
          `${String(connections).padEnd(13)}${name.padEnd(8)}${`${median(rate).toFixed(0)} (${Math.min(...rate).toFixed(0)})`.padEnd(21)}${`${median(p99)} (${Math.min(...p99)})`.padEnd(22)}${(median(rate) / bareRate).toFixed(2)}×${faults ? `   ${faults} errors or non-200 answers!` : ''}`,
        );
      }
    }
    console.log('target: front ≥ 0.25× bare');
  } finally {
    for (const server of servers) server.stop();
    await prism.stop();
  }
}

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** One autocannon run; requests/s over the run and p99 latency in ms. */
async function load(base, path, headers, connections, seconds) {
  const result = await autocannon({ url: new URL(path, base).href, headers, connections, duration: seconds });
  return { rate: result.requests.total / (result.duration || seconds), p99: result.latency.p99, faults: result.errors + result.timeouts + result.non2xx };
}

/** A server of `kind` in a child process, once it listens. */
async function serve(kind, settings) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind, JSON.stringify(settings)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited (${code}) before listening`)));
  });
  return { url, stop: () => child.disconnect() };
}

/** Prism on the vendor's spec, set up as the mocks run it (dist/prism-process.js) but without the front. */
async function startPrismAlone(vendor, profileDir) {
  const port = await freePort('127.0.0.1');
  const settings = { spec: specPath(vendor), host: '127.0.0.1', port, validate: true, errors: true, dynamic: false };
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, fileURLToPath(new URL('prism-process.js', dist)), JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const read = (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{"event":'));
      if (!line) return;
      child.stdout.off('data', read).resume(); // Prism's request log is not read
      const event = JSON.parse(line);
      if (event.event === 'listening') resolve(event.url);
      else reject(new Error(`Prism could not start: ${event.reason}`));
    };
    child.stdout.on('data', read);
  });
  return { url, stop: () => (child.kill('SIGTERM'), exited) };
}

/** The deepest GET of the vendor's spec with a documented 200 example, path parameters from their examples, with credentials. */
function participantGet(vendor) {
  const spec = loadSpec(specPath(vendor));
  const [scheme] = credentialSchemes(spec);
  const headers = !scheme ? {} : { authorization: scheme.form.kind === 'basic' ? `Basic ${btoa('qa:secret')}` : `${scheme.form.prefix} k` };
  const gets = Object.entries(spec.paths).flatMap(([template, item]) => {
    const operation = item.get;
    const content = operation && resolve(spec, resolve(spec, operation.responses?.['200'])?.content?.['application/json']);
    if (!content?.examples && content?.example === undefined) return [];
    const parameters = operationParameters(spec, item, operation);
    const path = template.replace(/\{([^}]+)\}/g, (_, name) => {
      const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
      return encodeURIComponent(String(parameter?.example ?? (parameter?.schema?.type === 'integer' ? 1 : 'x')));
    });
    return [{ path, headers }];
  });
  return gets.sort((a, b) => b.path.split('/').length - a.path.split('/').length)[0];
}
