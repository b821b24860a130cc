// `pnpm new-vendor acme` in a copy of the repository (the working tree, uncommitted files included),
// then, with nothing edited by hand, `pnpm build` (lint 0/0 included) and every test suite pass with
// acme in them, in the mocks, the docs and the size report. The copy shares this repository's turbo
// cache, so tasks the new vendor does not touch are replayed; it is removed afterwards.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
let copy = '';
let git = '';

/** Runs a command in the copy; its output is returned, and shown when it fails. */
async function run(command: string, args: string[], timeout = 300_000) {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd: copy, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } });
    return `${stdout}\n${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout.slice(-6000)}\n${stderr.slice(-6000)}`);
  }
}

beforeAll(async () => {
  copy = join(await mkdtemp(join(tmpdir(), 'parley-scaffold-')), 'repo');
  const { stdout } = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  for (const file of stdout.split('\0').filter((f) => f && existsSync(join(root, f)))) {
    await mkdir(dirname(join(copy, file)), { recursive: true });
    await cp(join(root, file), join(copy, file));
  }
  // A repository of its own, so what the scaffolder changed shows in `git status`.
  await run('git', ['init', '-q']);
  await run('git', ['add', '-A']);
  await run('git', ['-c', 'user.name=parley', '-c', 'user.email=parley@localhost', 'commit', '-qm', 'copy']);
  await run('pnpm', ['install', '--offline', '--frozen-lockfile']);
  await run('node', ['tools/new-vendor.mjs', 'acme', '--display', 'Acme Chat']);
  git = await run('git', ['status', '--porcelain', '--untracked-files=normal']);
});
afterAll(async () => {
  if (copy) await rm(dirname(copy), { recursive: true, force: true });
});

const turbo = (...args: string[]) => run('pnpm', ['exec', 'turbo', 'run', ...args, `--cache-dir=${join(root, '.turbo/cache')}`, '--output-logs=errors-only']);

describe('pnpm new-vendor acme, in a copy of the repository', () => {
  it('writes the vendor folders, its unified adapter, a changeset, and edits only the workspace wiring', () => {
    const changed = git.split('\n').filter(Boolean).map((line) => line.slice(3)).sort();
    expect(changed).toEqual([
      '.changeset/add-acme.md',
      'README.md',
      'packages/acme/',
      'packages/unified/package.json',
      'packages/unified/src/adapters/acme.ts',
      'packages/unified/src/capabilities/acme.ts',
      'pnpm-lock.yaml',
      'specs/acme/',
      'tools/codegen/test/__snapshots__/acme/',
    ]);
  });

  it('builds with the spec lint at 0 errors and 0 warnings, and passes every test suite with acme in it', async () => {
    const lint = await run('pnpm', ['--filter', '@parley/spec-acme', 'lint']);
    expect(lint).toMatch(/Your API description is valid/);
    expect(lint).not.toMatch(/You have \d+ warning/); // (Redocly's Node 20 banner says "warning" too)
    await turbo('lint', 'build', 'typecheck');
    await turbo('test');
    const summary = await run('node', ['tools/test-summary.mjs']);
    expect(summary).toMatch(/packages\/acme\s+[1-9]\d* passed, 0 failed/);
    expect(summary).toMatch(/Tests: \d+ passed, 0 failed/);
  });

  it('shows acme in the mocks, the docs and the size report', async () => {
    expect(await run('node', ['packages/mocks/dist/bin.js', '--help'])).toMatch(/acme\s+Acme Chat\s+base \+ 3/);
    expect(await readFile(join(copy, 'docs/site/index.html'), 'utf8')).toContain('href="acme.html"');
    expect(existsSync(join(copy, 'docs/site/acme.html'))).toBe(true);
    const size = await run('node', ['tools/size.mjs']);
    expect(size).toMatch(/ok\s+@parley\/acme over openapi-fetch \+ runtime/);
    expect(size).toMatch(/ok\s+@parley\/unified \+ acme only bundles no other vendor's code/);
  });
});
