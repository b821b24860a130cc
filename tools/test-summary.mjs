#!/usr/bin/env node
// Adds up the vitest JSON reports that `turbo run test` left (or replayed from cache) in each
// package, prints one line per package and a closing "N passed, N failed" line, and fails when
// nothing ran: turbo's own output interleaves packages and has no such total.
import { readdir, readFile } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
const totals = { passed: 0, failed: 0, skipped: 0 };
// Every workspace package, from pnpm-workspace.yaml's `packages` globs (`dir` or `dir/*`).
const workspace = await readFile(new URL('pnpm-workspace.yaml', root), 'utf8');
const globs = [...workspace.split(/^overrides:/m)[0].matchAll(/^\s+-\s+['"]?([^'"\s]+)['"]?\s*$/gm)].map(([, glob]) => glob);
const folders = [];
for (const glob of globs) {
  if (!glob.endsWith('/*')) folders.push(glob);
  else {
    const group = glob.slice(0, -2);
    const entries = await readdir(new URL(`${group}/`, root), { withFileTypes: true }).catch(() => []);
    folders.push(...entries.filter((d) => d.isDirectory()).map((d) => `${group}/${d.name}`));
  }
}
for (const folder of folders) {
  let report;
  try {
    report = JSON.parse(await readFile(new URL(`${folder}/.vitest-report.json`, root), 'utf8'));
  } catch {
    continue;
  }
  const passed = report.numPassedTests;
  const failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  const skipped = report.numPendingTests + report.numTodoTests;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  console.log(`  ${folder.padEnd(22)} ${passed} passed, ${failed} failed, ${skipped} skipped`);
}
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (totals.failed > 0 || totals.passed === 0) process.exit(1);
