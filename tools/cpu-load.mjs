#!/usr/bin/env node
// `node tools/cpu-load.mjs [seconds]`: keeps every core busy (one worker thread per core spinning
// on arithmetic) for the given time (default 600 s), or until Ctrl-C, to check that the test suite
// does not depend on an idle machine: run it in one terminal and `pnpm test -- --force` in another.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const seconds = Number(process.argv[2] ?? 600);
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error('usage: node tools/cpu-load.mjs [seconds]');
  process.exit(2);
}
const spin = `const end = Date.now() + ${Math.round(seconds * 1000)}; let x = 0; while (Date.now() < end) { for (let i = 0; i < 1e6; i++) x = (x * 31 + i) % 1000003; }`;
const workers = Array.from({ length: availableParallelism() }, () => new Worker(spin, { eval: true }));
console.log(`cpu-load: ${workers.length} busy threads for ${seconds} s (pid ${process.pid})`);
const stop = () => Promise.all(workers.map((worker) => worker.terminate())).then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
