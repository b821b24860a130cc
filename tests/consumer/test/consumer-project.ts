// The project outside the workspace that the consumer tests share: a new npm project with the
// fixture copied in and the packed packages (pack.setup.ts) installed with a plain npm install, as
// in a repo that knows nothing of pnpm or this workspace. It is installed once per run, by the first
// test file that asks; the others wait for it. pack.setup.ts removes it with the tarballs.
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { vendors } from '../../../tools/registry.mjs';

export const exec = promisify(execFile);
/** The workspace's TypeScript compiler, run with Node inside the project. */
export const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// Every registered vendor's client package, and what they share and build on (the spec packages
// are checked by package-checks.test.ts; a consumer needs none of them).
export const VENDORS = vendors();
const NEEDED = ['@parley/runtime', ...VENDORS.map((vendor) => vendor.clientPackage), '@parley/unified', '@parley/mocks'];
// Node's types, at the workspace's version, for code that uses Node's globals (the README's
// `process.env`). The fixture's tsconfigs set `types: []` and do not load them.
const rootManifest = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
const TYPES_NODE = `@types/node@${rootManifest.devDependencies['@types/node']}`;

const INSTALL_TIMEOUT_MS = 240_000;

async function install(project: string) {
  const tarballs = inject('tarballs');
  const files = NEEDED.map((name) => {
    const file = tarballs[name];
    if (!file) throw new Error(`${name} was not packed`);
    return file;
  });
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  await cp(fileURLToPath(new URL('../fixture/', import.meta.url)), project, { recursive: true });
  // Prism's dependencies come from npm's cache when it has them; a bounded wait fails clearly, not by hanging.
  await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...files, TYPES_NODE], { cwd: project, timeout: INSTALL_TIMEOUT_MS });
}

/** The installed project's directory. */
export async function consumerProject(): Promise<string> {
  const project = inject('consumerDir');
  const outcome = join(project, '.installed'); // "ok", or why the install failed
  try {
    await mkdir(project); // only one test file of the run gets to create it
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return installedBySomeoneElse(project, outcome);
  }
  let result = 'ok';
  try {
    await install(project);
  } catch (error) {
    result = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw error;
  } finally {
    await writeFile(`${outcome}.tmp`, result);
    await rename(`${outcome}.tmp`, outcome); // appears whole
  }
  return project;
}

async function installedBySomeoneElse(project: string, outcome: string): Promise<string> {
  const deadline = Date.now() + INSTALL_TIMEOUT_MS + 30_000;
  while (Date.now() < deadline) {
    const result = await readFile(outcome, 'utf8').catch(() => undefined);
    if (result === 'ok') return project;
    if (result !== undefined) throw new Error(`the consumer project failed to install (in another test file):\n${result}`);
    await sleep(250);
  }
  throw new Error(`the consumer project in ${project} was not installed in time (by another test file)`);
}
