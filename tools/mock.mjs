#!/usr/bin/env node
// `pnpm mock`: builds @parley/mocks if needed (a cached no-op once built), then runs its CLI in
// this process, so Ctrl-C and SIGTERM reach it directly.
import { execFileSync } from 'node:child_process';

execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@parley/mocks', '--output-logs=errors-only'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  cwd: new URL('..', import.meta.url),
});
const { main } = await import('../packages/mocks/dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
