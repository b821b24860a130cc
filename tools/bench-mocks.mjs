#!/usr/bin/env node
// `pnpm bench:mocks`: how long `pnpm mock` takes to have every vendor answering, measured
// over several cold starts of @parley/mocks (build it first: `pnpm build`).
import { startMocks, VENDORS } from '../packages/mocks/dist/index.js';

const runs = Number(process.argv[2] ?? 5);
const times = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const mocks = await startMocks();
  times.push(performance.now() - started);
  await mocks.stop();
}
times.sort((a, b) => a - b);
const ms = (t) => `${(t / 1000).toFixed(2)} s`;
console.log(`all ${VENDORS.length} mocks ready: median ${ms(times[Math.floor(runs / 2)])}, fastest ${ms(times[0])}, slowest ${ms(times.at(-1))} over ${runs} starts`);
