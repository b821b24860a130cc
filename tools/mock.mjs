#!/usr/bin/env node
// `pnpm mock`: builds @parley/mocks if needed (a cached no-op once built), then runs its CLI in
// this process. The script is `exec node tools/mock.mjs` so that the signals pnpm passes on reach
// this process, not a shell that waits for it.
import { execFileSync } from 'node:child_process';

// pnpm can die of a SIGTERM without passing it on, leaving this process adopted by init with
// every port still open (issue 15). So a change of parent counts as a SIGTERM.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  process.kill(process.pid, 'SIGTERM');
}, 200);
watch.unref();

// Tests run the built CLI through pnpm and must not rebuild the package other tests are reading.
if (!process.env.PARLEY_MOCK_NO_BUILD) {
  execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@parley/mocks', '--output-logs=errors-only'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: new URL('..', import.meta.url),
  });
}
const { main } = await import('../packages/mocks/dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
