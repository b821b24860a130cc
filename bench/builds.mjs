// The builds measured. Their dist folders are copied aside at the start and every process of the
// run loads the copy: in this repository turbo empties and rewrites dist folders on every build,
// and a rebuild mid-run would otherwise break the run or mix two builds in one report.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const ENV = 'PARLEY_BENCH_PACKAGES';
const ENTRIES = ['@parley/bird', '@parley/unified'];

/** Where a workspace package lives, from the bench's own node_modules links. */
const sourceOf = (name, from = join(root, 'bench')) => realpathSync(join(from, 'node_modules', name));

/**
 * Copies the measured packages (their package.json, dist and openapi folders), linked to each
 * other and to their registry dependencies; sets the variable `load` reads, for children too.
 * Returns the copy's fingerprint and a function that deletes it.
 */
export function snapshot() {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.on('exit', remove);
  const hash = createHash('sha256');
  const copied = new Map();
  const copy = (name, source) => {
    if (copied.has(name)) return copied.get(name);
    const target = join(dir, name);
    copied.set(name, target);
    const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
    if (!existsSync(join(source, 'dist'))) throw new Error(`${name} has no dist build: pnpm exec turbo run build --filter=@parley/unified...`);
    for (const part of ['package.json', 'dist', 'openapi']) {
      if (existsSync(join(source, part))) cpSync(join(source, part), join(target, part), { recursive: true });
    }
    for (const file of readdirSync(join(target, 'dist'), { recursive: true }).filter((f) => f.endsWith('.js')).sort()) {
      hash.update(`${name}/${file}\n`).update(readFileSync(join(target, 'dist', file)));
    }
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      const depSource = sourceOf(dep, source);
      const link = join(target, 'node_modules', dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(manifest.dependencies[dep].startsWith('workspace:') ? copy(dep, depSource) : depSource, link);
    }
    return target;
  };
  for (const name of ENTRIES) copy(name, sourceOf(name));
  process.env[ENV] = dir;
  return { fingerprint: hash.digest('hex').slice(0, 12), remove };
}

/** Imports a measured package (`@parley/bird`) or one of its files (`@parley/bird/openapi/openapi.json`) from the copy. */
export async function load(name, file) {
  const dir = process.env[ENV];
  if (!dir) throw new Error(`${ENV} is not set: run bench/run.mjs`);
  const pkg = join(dir, name);
  if (file) return JSON.parse(readFileSync(join(pkg, file), 'utf8'));
  const { exports } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  return import(pathToFileURL(join(pkg, exports['.'].import)).href);
}

/** The commit, and whether the measured packages' sources differ from it. */
export function source() {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'packages/runtime', 'packages/bird', 'packages/unified') !== '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in the measured packages' : ''}`;
  } catch {
    return 'not a git checkout';
  }
}
