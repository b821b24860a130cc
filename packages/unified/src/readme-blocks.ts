import { renderMappingTable } from './mapping-table.js';

/** The README sections rendered from this package, by marker name. Node-only: reads the example file. */
export async function readmeBlocks(): Promise<Record<string, string>> {
  const { readFile } = await import('node:fs/promises');
  const example = await readFile(new URL('../examples/participants.mjs', import.meta.url), 'utf8');
  return {
    'mapping-table': renderMappingTable(),
    'unified-example': ['```js', example.trimEnd(), '```'].join('\n'),
  };
}

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->` for each block. */
export function replaceBlocks(text: string, blocks: Record<string, string>): string {
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
