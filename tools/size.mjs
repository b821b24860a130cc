#!/usr/bin/env node
// `pnpm size`: bundles the runtime, each registered vendor's client package (tools/registry.mjs)
// and the unified package with each vendor alone, with their dependencies, the way an application
// bundler would (esbuild, ESM, minified, tree-shaken), prints every size, and fails over budget.
// Sizes are bytes minified, gzip (level 9) and brotli; budgets are on brotli, as size-limit measures.
// Run after `pnpm build` (it bundles the packages' dist/).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { vendors } from './registry.mjs';

const root = new URL('../packages/unified/', import.meta.url); // resolves every @parley package
const require = createRequire(new URL('../packages/runtime/package.json', import.meta.url));
const KB = 1024;
const VENDORS = vendors();

async function bundle(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root.pathname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import'],
    write: false,
    metafile: true,
  });
  const bytes = result.outputFiles[0].contents;
  const included = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length, included };
}

const fetchEntry = require.resolve('openapi-fetch');
const sizes = {
  'openapi-fetch': await bundle(`export * from ${JSON.stringify(fetchEntry)}; export { default } from ${JSON.stringify(fetchEntry)};`),
  // What every vendor package pulls in: the public entry and the two builders its generated code
  // calls (the internal entry's other exports are helpers no vendor bundle keeps).
  '@parley/runtime': await bundle(`export * from '@parley/runtime'; export { defineClient, defineOperation } from '@parley/runtime/internal';`),
};
for (const { clientPackage } of VENDORS) sizes[clientPackage] = await bundle(`export * from '${clientPackage}';`);
const unifiedWith = (vendor) => `@parley/unified + ${vendor.id} only`;
for (const vendor of VENDORS) {
  const { adapter } = vendor.identifiers;
  sizes[unifiedWith(vendor)] = await bundle(`import { createParleyWith, ${adapter} } from '@parley/unified'; export const parley = createParleyWith([${adapter}], {});`);
}
sizes[`@parley/unified (all ${VENDORS.length} vendors)`] = await bundle(`export { createParley } from '@parley/unified';`);

const kb = (n) => `${(n / KB).toFixed(2)} kB`;
const width = Math.max(34, ...Object.keys(sizes).map((name) => name.length + 1));
console.log(`${'bundle'.padEnd(width)} ${'minified'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const [name, s] of Object.entries(sizes)) console.log(`${name.padEnd(width)} ${kb(s.min).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}`);

const failures = [];
const check = (label, actual, budget) => {
  const ok = actual <= budget;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${label}: ${kb(actual)} of ${kb(budget)}`);
  if (!ok) failures.push(label);
};
const fetchOnly = sizes['openapi-fetch'].brotli;
const base = sizes['@parley/runtime'].brotli; // openapi-fetch plus the shared runtime
console.log('\nbudgets (brotli), set just above today\'s sizes so that growth is a decision:');
// 2.75 kB until issue 13 (deadline, redirect and header safety, error guards, per-attempt signals):
// raised pending the product decision asked there (README, "Size budgets").
check('@parley/runtime over openapi-fetch', base - fetchOnly, 3.25 * KB);
// What a vendor package may add over the runtime: its generated operations (~0.3–0.4 kB), plus
// hand-written code a vendor really needs, each named here: Nexudus' `{ login }` token flow
// (packages/nexudus/src/login.ts, issue 14) costs ~0.85 kB, paid by every createNexudusClient user.
const VENDOR_CODE_BUDGET = { '@parley/nexudus': 1.3 * KB };
for (const { clientPackage } of VENDORS) {
  check(`${clientPackage} over openapi-fetch + runtime`, sizes[clientPackage].brotli - base, VENDOR_CODE_BUDGET[clientPackage] ?? 0.5 * KB);
}
/** A bundled file that belongs to `vendor`: its package (packages/<id>/…) or its files in another package (adapters/<id>.js). */
const ownedBy = (vendor, path) => path.split(/[\\/]/).some((segment) => segment === vendor.id || segment.startsWith(`${vendor.id}.`));
for (const vendor of VENDORS) {
  const s = sizes[unifiedWith(vendor)];
  check(unifiedWith(vendor), s.brotli, 12 * KB);
  // Tree-shaking must leave the other vendors out entirely.
  const others = s.included.filter((path) => VENDORS.some((other) => other !== vendor && ownedBy(other, path)));
  if (others.length) failures.push(`${unifiedWith(vendor)} still bundles ${others.join(', ')}`);
  console.log(`${others.length ? 'OVER' : 'ok  '} ${unifiedWith(vendor)} bundles no other vendor's code${others.length ? `: ${others.join(', ')}` : ''}`);
}
// Issue #7 asked for "a vendor package at most openapi-fetch's own size plus 2 kB"; the runtime that
// issue #3 requires is larger than that by itself (README, "Size budgets"), so this is reported, not enforced.
const overFetch = VENDORS.map(({ clientPackage }) => sizes[clientPackage].brotli - fetchOnly);
console.log(`\nvendor packages over openapi-fetch alone: ${kb(Math.min(...overFetch))}–${kb(Math.max(...overFetch))} (runtime ${kb(base - fetchOnly)} + vendor code)`);
if (failures.length) {
  console.error(`\nsize: ${failures.length} budget(s) failed`);
  process.exit(1);
}
