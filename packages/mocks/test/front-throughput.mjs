#!/usr/bin/env node
// Requests per second through the mock front (src/front.ts) against the same Prism straight, with
// an autocannon-like loop: C concurrent keep-alive connections, each sending the next request as
// soon as the last answer's body is read. Runs alternate (straight, through, straight, …) so that
// other load on the machine hits both alike, and the front runs in a process of its own so that
// its CPU time per request can be read apart from the loop's. Not a test (timings vary by
// machine): `node test/front-throughput.mjs [rounds=4] [seconds=3] [connections=32] [stateless]`
// after a build. The front runs as startPrism runs it: routing, journal, faults, honest errors and
// (unless `stateless`) the vendor's state answering the GET.
import { fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { freePort } from '../dist/free-port.js';
import { startFront } from '../dist/front.js';
import { stateFor } from '../dist/state/index.js';
import { specPath } from '../dist/vendors.js';

const PATH = '/workspaces/b4e02c85-c6d2-4b15-8885-e09671799c61/conversations/67e4d358-ca94-421e-98b7-448860df9d33/participants/274bd6ff-3295-49a0-a02d-651fb661d7fb';

if (process.argv[2] === '--front') {
  // The child: the front alone, answering the parent's questions about its CPU time.
  const model = await new Promise((resolve) => process.once('message', resolve));
  const state = process.argv[4] === 'stateless' ? undefined : stateFor('bird', parse(readFileSync(specPath('bird'), 'utf8')));
  await startFront({ upstream: process.argv[3], host: '127.0.0.1', port: 0, model, state }).then((front) => process.send(front.url));
  process.on('message', () => process.send(process.cpuUsage()));
} else {
  const [rounds = 4, seconds = 3, connections = 32] = process.argv.slice(2, 5).map(Number);
  const mode = process.argv[5] === 'stateless' ? 'stateless' : 'stateful';

  /** Prism on the Bird spec as startPrism runs it, without the front. */
  const startUpstream = async () => {
    const port = await freePort('127.0.0.1');
    const settings = { spec: specPath('bird'), host: '127.0.0.1', port, validate: true, errors: true, dynamic: false };
    const child = spawn(process.execPath, [fileURLToPath(new URL('../dist/prism-process.js', import.meta.url)), JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    const event = await new Promise((resolve) => {
      const read = (chunk) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.startsWith('{"event":"listening"'));
        if (!line) return;
        child.stdout.off('data', read).resume(); // Prism's request log is not read
        resolve(JSON.parse(line));
      };
      child.stdout.on('data', read);
    });
    return { url: event.url, model: event.model, stop: () => child.kill('SIGTERM') };
  };

  const load = async (base, headers) => {
    const url = new URL(PATH, base);
    const agent = new Agent({ keepAlive: true, maxSockets: connections });
    const until = performance.now() + seconds * 1000;
    const statuses = {};
    let done = 0;
    const one = () =>
      new Promise((resolve, reject) => {
        request(url, { agent, headers }, (response) => {
          statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
          response.on('end', resolve).resume();
        })
          .on('error', reject)
          .end();
      });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          await one();
          done++;
        }
      }),
    );
    agent.destroy();
    return { done, perSecond: done / ((performance.now() - started) / 1000), statuses };
  };

  const upstream = await startUpstream();
  const child = fork(fileURLToPath(import.meta.url), ['--front', upstream.url, mode]);
  child.send(upstream.model);
  const frontUrl = await new Promise((resolve) => child.once('message', resolve));
  const cpu = () => new Promise((resolve) => (child.once('message', (u) => resolve(u.user + u.system)), child.send('cpu')));
  const good = { Authorization: 'AccessKey k', Accept: 'application/json' };
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  try {
    await load(frontUrl, good); // warm-up: JIT, Prism's caches
    const ratios = [];
    const costs = [];
    for (let round = 1; round <= rounds; round++) {
      const straight = await load(upstream.url, good);
      const before = await cpu();
      const through = await load(frontUrl, good);
      costs.push(((await cpu()) - before) / through.done);
      ratios.push(through.perSecond / straight.perSecond);
      console.log(`round ${round}: Prism ${straight.perSecond.toFixed(0)} req/s, through the front ${through.perSecond.toFixed(0)} req/s (ratio ${ratios.at(-1).toFixed(2)}; front CPU ${costs.at(-1).toFixed(0)} µs/request) ${JSON.stringify(through.statuses)}`);
    }
    const before = await cpu();
    const refused = await load(frontUrl, { Authorization: 'Bearer x' });
    const refusedCost = ((await cpu()) - before) / refused.done;
    console.log(`refused by the front, Prism not asked: ${refused.perSecond.toFixed(0)} req/s (front CPU ${refusedCost.toFixed(0)} µs/request) ${JSON.stringify(refused.statuses)}`);
    console.log(`median ratio front/Prism ${median(ratios).toFixed(2)}, median front CPU ${median(costs).toFixed(0)} µs/request (${mode}, ${rounds} rounds of ${seconds} s, ${connections} connections)`);
  } finally {
    child.kill();
    upstream.stop();
  }
}
