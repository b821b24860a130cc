#!/usr/bin/env node
// `pnpm test [-- turbo options]`: every suite through turbo (`pnpm test -- --force` defeats the
// cache), then, when they passed, one summary line over all packages (tools/test-summary.mjs;
// after a failure its reports could be stale). Exits non-zero when either fails.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const cwd = new URL('..', import.meta.url);
const turbo = spawnSync('pnpm', ['exec', 'turbo', 'run', 'test', '--log-order=grouped', ...args], { stdio: 'inherit', cwd });
if (turbo.status !== 0) process.exit(turbo.status ?? 1);
const summary = spawnSync(process.execPath, ['tools/test-summary.mjs'], { stdio: 'inherit', cwd });
process.exitCode = summary.status ?? 1;
