// Packs every publishable workspace package once per run, with `pnpm pack` as a release would, for
// the package checks and the consumer install to share. Provides `tarballs`: package name → file, and
// `consumerDir`, where consumer-project.ts installs them (removed with the tarballs).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Each publishable package's tarball, by package name. */
    tarballs: Record<string, string>;
    /** Where the consumer project (consumer-project.ts) is installed, once per run, next to the tarballs. */
    consumerDir: string;
  }
}

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Every workspace package under packages/ and specs/ that is not private. */
export function publishable(): { name: string; dir: string }[] {
  return ['packages', 'specs'].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, group, entry.name))
      .flatMap((dir) => {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; private?: boolean };
        return manifest.private ? [] : [{ name: manifest.name, dir }];
      }),
  );
}

export default async function setup(project: TestProject) {
  const out = await mkdtemp(join(tmpdir(), 'parley-tarballs-'));
  const packages = publishable();
  const tarballs: Record<string, string> = {};
  // One at a time per package directory but all at once overall: pnpm pack is mostly waiting on I/O.
  await Promise.all(
    packages.map(async ({ name, dir }) => {
      const target = join(out, name.replace('@', '').replace('/', '-'));
      await exec('pnpm', ['pack', '--pack-destination', target], { cwd: dir, timeout: 60_000 });
      const [file] = (await readdir(target)).filter((f) => f.endsWith('.tgz'));
      if (!file) throw new Error(`pnpm pack wrote no tarball for ${name}`);
      tarballs[name] = join(target, file);
    }),
  );
  project.provide('tarballs', tarballs);
  project.provide('consumerDir', join(out, 'consumer'));
  return () => rm(out, { recursive: true, force: true });
}
