#!/usr/bin/env node
// `pnpm size`: bundles each client package's entry with its dependencies the way an application
// bundler would (esbuild, ESM, minified, tree-shaken), prints every size, and fails over budget.
// Sizes are bytes minified, gzip (level 9) and brotli; budgets are on brotli, as size-limit measures.
// Run after `pnpm build` (it bundles the packages' dist/).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const root = new URL('../packages/unified/', import.meta.url); // resolves every @parley package
const require = createRequire(new URL('../packages/runtime/package.json', import.meta.url));
const KB = 1024;

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
  '@parley/runtime': await bundle(`export * from '@parley/runtime';`),
};
for (const vendor of ['softwareone', 'bird', 'nexudus']) sizes[`@parley/${vendor}`] = await bundle(`export * from '@parley/${vendor}';`);
const adapters = { softwareone: 'softwareOneAdapter', bird: 'birdAdapter', nexudus: 'nexudusAdapter' };
for (const [vendor, adapter] of Object.entries(adapters)) {
  sizes[`@parley/unified + ${vendor} only`] = await bundle(
    `import { createParleyWith, ${adapter} } from '@parley/unified'; export const parley = createParleyWith([${adapter}], {});`,
  );
}
sizes['@parley/unified (all three)'] = await bundle(`export { createParley } from '@parley/unified';`);

const kb = (n) => `${(n / KB).toFixed(2)} kB`;
console.log(`${'bundle'.padEnd(34)} ${'minified'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const [name, s] of Object.entries(sizes)) console.log(`${name.padEnd(34)} ${kb(s.min).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}`);

const failures = [];
const check = (label, actual, budget) => {
  const ok = actual <= budget;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${label}: ${kb(actual)} of ${kb(budget)}`);
  if (!ok) failures.push(label);
};
const fetchOnly = sizes['openapi-fetch'].brotli;
const base = sizes['@parley/runtime'].brotli; // openapi-fetch plus the shared runtime
console.log('\nbudgets (brotli), set just above today\'s sizes so that growth is a decision:');
check('@parley/runtime over openapi-fetch', base - fetchOnly, 2.75 * KB);
for (const vendor of ['softwareone', 'bird', 'nexudus']) check(`@parley/${vendor} over openapi-fetch + runtime`, sizes[`@parley/${vendor}`].brotli - base, 0.5 * KB);
for (const vendor of Object.keys(adapters)) {
  const s = sizes[`@parley/unified + ${vendor} only`];
  check(`@parley/unified + ${vendor} only`, s.brotli, 12 * KB);
  // Tree-shaking must leave the other vendors out entirely.
  const others = s.included.filter((path) => Object.keys(adapters).some((v) => v !== vendor && path.includes(v)));
  if (others.length) failures.push(`unified + ${vendor} only still bundles ${others.join(', ')}`);
  console.log(`${others.length ? 'OVER' : 'ok  '} @parley/unified + ${vendor} only bundles no other vendor's code${others.length ? `: ${others.join(', ')}` : ''}`);
}
// Issue #7 asked for "a vendor package at most openapi-fetch's own size plus 2 kB"; the runtime that
// issue #3 requires is larger than that by itself (README, "Size budgets"), so this is reported, not enforced.
const overFetch = ['softwareone', 'bird', 'nexudus'].map((vendor) => sizes[`@parley/${vendor}`].brotli - fetchOnly);
console.log(`\nvendor packages over openapi-fetch alone: ${kb(Math.min(...overFetch))}–${kb(Math.max(...overFetch))} (runtime ${kb(base - fetchOnly)} + vendor code)`);
if (failures.length) {
  console.error(`\nsize: ${failures.length} budget(s) failed`);
  process.exit(1);
}
