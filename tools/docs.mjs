#!/usr/bin/env node
// `pnpm run docs`: builds the offline HTML docs into docs/site/ (turbo: a cached no-op when nothing
// changed). `run` is needed because plain `pnpm docs` is a pnpm built-in (it opens the package's
// npm page), which pnpm runs instead of a script of the same name.
import { execFileSync } from 'node:child_process';

execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@parley/docs', '--output-logs=new-only'], {
  stdio: 'inherit',
  cwd: new URL('..', import.meta.url),
});
console.log('\nOpen them with: pnpm docs:serve   (http://127.0.0.1:4000/)');
