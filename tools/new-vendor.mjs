#!/usr/bin/env node
// `pnpm new-vendor <id>`: scaffolds a vendor that builds, lints 0/0 and passes every suite as it
// is: a minimal spec (one operation, one security scheme, named examples) with its registry entry,
// the vendor package (profile only; the rest is generated), a unified adapter and capability file,
// tests, and a changeset. Then links the workspace, re-renders the README's generated parts and
// records the generator's snapshot for the new spec.
// Everything it writes is marked TODO where the vendor's real API must replace a placeholder.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { vendors } from './registry.mjs';

const USAGE = 'usage: pnpm new-vendor <id> [--name PascalName] [--display "Display name"]\n  id: lower-case letters, digits and dashes, e.g. acme';
const root = new URL('../', import.meta.url);

function fail(message) {
  console.error(`new-vendor: ${message}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  allowPositionals: true,
  options: { name: { type: 'string' }, display: { type: 'string' } },
});
const [id] = positionals;
if (!id || positionals.length > 1 || !/^[a-z][a-z0-9-]*$/.test(id)) fail('give one vendor id');
const registered = vendors();
if (registered.some((v) => v.id === id) || existsSync(new URL(`specs/${id}`, root)) || existsSync(new URL(`packages/${id}`, root))) {
  fail(`${id} exists already`);
}
const name = values.name ?? id.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) fail(`--name must be PascalCase, got ${name}`);
const placeholders = {
  __id__: id,
  __Name__: name,
  __name__: name[0].toLowerCase() + name.slice(1),
  __Display__: values.display ?? name,
  __PORT__: String(Math.max(-1, ...registered.map((v) => v.portOffset)) + 1),
  // Parley's packages are versioned together (changesets `linked`): start where the others are.
  __VERSION__: JSON.parse(await readFile(new URL('packages/runtime/package.json', root), 'utf8')).version,
};
const fill = (text) => Object.entries(placeholders).reduce((out, [key, value]) => out.replaceAll(key, value), text);

/** Copies the template tree into the repository, filling placeholders in paths and contents. */
async function copyTemplate(from, to) {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = new URL(entry.name + (entry.isDirectory() ? '/' : ''), from);
    const target = new URL(fill(entry.name) + (entry.isDirectory() ? '/' : ''), to);
    if (entry.isDirectory()) await copyTemplate(source, target);
    else {
      await cp(source, target);
      await writeFile(target, fill(await readFile(target, 'utf8')));
    }
  }
}
await copyTemplate(new URL('new-vendor/template/', import.meta.url), root);

// The unified package bundles every registered vendor's client.
const unifiedManifest = new URL('packages/unified/package.json', root);
const unified = JSON.parse(await readFile(unifiedManifest, 'utf8'));
unified.dependencies = Object.fromEntries(Object.entries({ ...unified.dependencies, [`@parley/${id}`]: 'workspace:*' }).sort(([a], [b]) => a.localeCompare(b)));
await writeFile(unifiedManifest, `${JSON.stringify(unified, null, 2)}\n`);

await writeFile(
  new URL(`.changeset/add-${id}.md`, root),
  `---\n"@parley/${id}": minor\n"@parley/spec-${id}": minor\n"@parley/unified": minor\n"@parley/mocks": minor\n---\n\nNew vendor: ${placeholders.__Display__} (\`@parley/${id}\`), in the unified API as provider \`${id}\` and in the mocks.\n`,
);

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', cwd: root });
run('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile']);
run('pnpm', ['readme']);
// The generator's snapshot of the new spec, which CI would otherwise refuse to write.
run('pnpm', ['--filter', '@parley/codegen', 'exec', 'vitest', 'run', '--update', '--reporter=dot']);
console.log(`\n${id} scaffolded (mock port offset ${placeholders.__PORT__}). Next:
  1. specs/${id}/openapi.yaml: the vendor's real operations, schemas, servers and security (TODOs mark placeholders)
  2. packages/${id}/src/profile.ts: how the vendor reports errors and throttles
  3. packages/unified/src/capabilities/${id}.ts and adapters/${id}.ts: what the unified API maps to
  4. pnpm build && pnpm test`);
