#!/usr/bin/env node
// `npm run setup`: the one command a fresh machine with Node 20.19+ and npm needs. Installs the
// pnpm version pinned in package.json (if it is not already the one on PATH), Debian's chromium
// for the browser tests (when missing and this is a Debian machine we may install on), the
// workspace's dependencies from the lockfile, then runs the main job: lint specs, generate, build,
// typecheck.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

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

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.warn(`setup: no chromium at ${chromium}; the browser tests need it (apt-get install chromium, or set CHROMIUM_PATH)`);
  }
}
run('pnpm install --frozen-lockfile');
run('pnpm build');
