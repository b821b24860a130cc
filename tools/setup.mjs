#!/usr/bin/env node
// `npm run setup`: the one command a fresh machine with Node 20.19+ and npm needs. Installs the
// pnpm version pinned in package.json (if it is not already the one on PATH), the workspace's
// dependencies from the lockfile, then runs the main job: lint specs, generate, build, typecheck.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const run = (command) => {
  try {
    execSync(command, { stdio: 'inherit', cwd: new URL('..', import.meta.url) });
  } catch (error) {
    // The command already printed why; a Node stack trace would only bury it.
    console.error(`\nsetup: \`${command}\` failed`);
    process.exit(error.status ?? 1);
  }
};
const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager.split('@')[1];

let current = '';
try {
  current = execSync('pnpm --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // not installed
}
if (current !== pinned) run(`npm install --global pnpm@${pinned}`);
run('pnpm install --frozen-lockfile');
run('pnpm build');
