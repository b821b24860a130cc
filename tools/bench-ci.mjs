#!/usr/bin/env node
// `pnpm bench:ci [-- --rounds N] [-- --ci]`: the build and test loop's four numbers on this machine,
// measured side by side (cold build and forced suite interleaved, N rounds, min and median):
//   1. a cold build (`turbo run lint build typecheck --force`), target ≤ 30 s;
//   2. the full suite with the cache defeated (`turbo run test --force`), target ≤ 90 s;
//   3. a `pnpm build` right after `pnpm test`: how much of it turbo replays, target 100 %;
//   4. with --ci, `.ci/run` on a fresh clone with CI=true (Node 20 and 24), target ≤ 8 min.
// The machine is shared: read the minimum as what the code costs, the median as what to expect.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { rounds: { type: 'string', default: '3' }, ci: { type: 'boolean', default: false } },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number');

/** Runs a command in the repository; returns its wall time in seconds and its output. */
function timed(command, args, cwd = root, env = process.env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${(result.stdout + result.stderr).slice(-4000)}`);
  return { seconds, output: result.stdout + result.stderr };
}
const turbo = (...args) => timed('pnpm', ['exec', 'turbo', 'run', ...args, '--output-logs=errors-only']);
const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor((sorted.length - 1) / 2)] };
};

const build = [];
const suite = [];
const replay = [];
for (let round = 1; round <= rounds; round++) {
  build.push(turbo('lint', 'build', 'typecheck', '--force').seconds);
  suite.push(turbo('test', '--force').seconds);
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(turbo('lint', 'build', 'typecheck').output);
  replay.push(cached ? Number(cached[1]) / Number(cached[2]) : 0);
  console.error(`round ${round}/${rounds}: build ${build.at(-1).toFixed(1)} s, suite ${suite.at(-1).toFixed(1)} s, replay ${cached?.[1]}/${cached?.[2]}`);
}

const rows = [
  ['cold build (lint build typecheck --force)', stats(build), 30, 's'],
  ['full suite, cache defeated (pnpm test --force)', stats(suite), 90, 's'],
  ['pnpm build after pnpm test, replayed', stats(replay.map((r) => r * 100)), 100, '%'],
];
if (values.ci) {
  const clone = mkdtempSync(join(tmpdir(), 'parley-bench-ci-'));
  try {
    execFileSync('git', ['clone', '-q', root, clone]);
    const { seconds } = timed('bash', ['.ci/run'], clone, { ...process.env, CI: 'true' });
    rows.push(['.ci/run on a fresh clone (Node 20 + 24)', { min: seconds, median: seconds }, 480, 's']);
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

const cpus = (await import('node:os')).cpus();
console.log(`\n${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, Node ${process.version}, ${rounds} round(s)`);
console.log(`${'measure'.padEnd(44)} ${'min'.padStart(8)} ${'median'.padStart(8)} ${'target'.padStart(8)}`);
for (const [label, { min, median }, target, unit] of rows) {
  const met = unit === '%' ? min >= target : median <= target;
  const show = (n) => `${n.toFixed(unit === '%' ? 0 : 1)} ${unit}`;
  console.log(`${label.padEnd(44)} ${show(min).padStart(8)} ${show(median).padStart(8)} ${`${unit === '%' ? '≥' : '≤'}${target} ${unit}`.padStart(8)}  ${met ? 'ok' : 'MISSED'}`);
}
