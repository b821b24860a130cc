#!/usr/bin/env node
// `pnpm bench [-- --rounds N] [-- --quick] [-- --no-write]`: Parley next to openapi-fetch, axios,
// ky and bare fetch, stubbed, over loopback and with large bodies, in one interleaved run. Prints a
// markdown report and writes it to bench/RESULTS.md, the raw samples to bench/results.json.
// Needs the dist builds: pnpm exec turbo run build --filter=@parley/unified...
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { snapshot, source } from './builds.mjs';
import { runLargeBodies } from './large-bodies.mjs';
import { startServer } from './processes.mjs';
import { machine, renderReport } from './report.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { rounds: { type: 'string' }, quick: { type: 'boolean', default: false }, 'no-write': { type: 'boolean', default: false } },
});
// Sizes chosen so a full run takes about 3 minutes on a 2-core machine; --quick is a smoke test.
const plan = values.quick
  ? { rounds: 2, batch: 200, warmup: 200, total: (c) => Math.max(50, c), largeRounds: 1 }
  : { rounds: 12, batch: 5000, warmup: 5000, total: (c) => (c === 1 ? 600 : 2000), largeRounds: 12 };
if (values.rounds !== undefined) {
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number');
  plan.rounds = rounds;
  plan.largeRounds = rounds;
}
const concurrencies = [1, 16, 256];
const sizes = ['1mb', '10mb'];
const started = Date.now();
const log = (line) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const builds = snapshot();
// Imported only now: they load Parley and the spec from the copy.
const { runStubbed } = await import('./stubbed.mjs');
const { runLoopback } = await import('./loopback.mjs');
const stubbed = await runStubbed({ rounds: plan.rounds, batch: plan.batch, warmup: plan.warmup, log });
const server = await startServer();
let loopback, large;
try {
  loopback = await runLoopback({ port: server.port, rounds: plan.rounds, concurrencies, total: plan.total, log });
  large = await runLargeBodies({ port: server.port, rounds: plan.largeRounds, sizes, log });
} finally {
  await server.stop();
}

const settings = [
  `stubbed ${plan.rounds} rounds × ${plan.batch} calls`,
  `loopback ${plan.rounds} rounds × ${concurrencies.map((c) => `${plan.total(c)} requests at concurrency ${c}`).join(', ')}`,
  `large bodies ${plan.largeRounds} rounds × 1 call per client and size`,
  `${((Date.now() - started) / 1000).toFixed(0)} s in all`,
].join('; ');
const m = { ...machine(), source: source(), dist: builds.fingerprint };
const { markdown, targets } = renderReport({ machine: m, settings, stubbed, loopback, large });
process.stdout.write(markdown);
if (!values['no-write']) {
  writeFileSync(new URL('./RESULTS.md', import.meta.url), markdown);
  const raw = { machine: m, plan: { ...plan, total: Object.fromEntries(concurrencies.map((c) => [c, plan.total(c)])) }, unit: { stubbed: 'ns per call', loopback: 'ns per request', large: 'ns per call, peak RSS growth in kB' }, targets, stubbed, loopback, large };
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(raw, null, 2) + '\n');
}
