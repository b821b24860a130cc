// The README sections rendered from code, by marker name: the vendor table (from the registry and
// each spec's operations), the unified mapping table (from @parley/unified's capability data) and
// the unified example file. Used by `pnpm readme`
// (tools/sync-readme.mjs) and by packages/unified/test/readme.test.ts, which fails on drift.
import { readFile } from 'node:fs/promises';
import { renderMappingTable } from '../packages/unified/dist/index.js';
import { loadSpec, operationsOf } from './codegen/spec.mjs';
import { vendors } from './registry.mjs';

/** One row per registered vendor: its spec, package and the functions generated for it. */
export function vendorTable() {
  const rows = vendors().map((v) => {
    const operations = operationsOf(loadSpec(v.specFile)).map((op) => `\`${op.operationId}\` (${op.method.toUpperCase()})`);
    return `| ${v.displayName} | [\`specs/${v.id}/openapi.yaml\`](specs/${v.id}/openapi.yaml) | \`${v.clientPackage}\` | ${operations.join(', ')} |`;
  });
  return ['| vendor | spec | package | operations |', '|---|---|---|---|', ...rows].join('\n');
}

export async function readmeBlocks() {
  const example = await readFile(new URL('../packages/unified/examples/participants.mjs', import.meta.url), 'utf8');
  return {
    'vendor-table': vendorTable(),
    'mapping-table': renderMappingTable(),
    'unified-example': ['```js', example.trimEnd(), '```'].join('\n'),
  };
}

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->` for each block. */
export function replaceBlocks(text, blocks) {
  let out = text;
  for (const [name, content] of Object.entries(blocks)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
    out = `${out.slice(0, from + start.length)}\n${content}\n${out.slice(to)}`;
  }
  return out;
}
