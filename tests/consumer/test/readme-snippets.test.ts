// Every TypeScript block of README.md and of each package's README is code a user copies: each one
// becomes its own module in the consumer project (consumer-project.ts), as written, and is
// type-checked against the packed packages under the fixture's strict flags
// (exactOptionalPropertyTypes, noUncheckedIndexedAccess, noPropertyAccessFromIndexSignature),
// with Node's types. A block that is not meant to compile must not be marked ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumerProject, exec, tsc } from './consumer-project.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// nodenext, the stricter of the two about module specifiers; consumer.test.ts proves the packages
// under bundler too, and one compile fewer keeps the suite within its time.
const RESOLUTIONS = ['nodenext'];

interface Block {
  readme: string; // relative to the repository
  fence: number; // line of the opening fence, 1-based
  indent: number; // of the fence, stripped from every line
  file: string; // the module it is written to
  code: string;
}

/** README.md and every packages/<name>/README.md. */
function readmes(): string[] {
  const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'packages', entry.name, 'README.md')))
    .map((entry) => `packages/${entry.name}/README.md`);
  return ['README.md', ...packages.sort()];
}

/** The ```ts and ```typescript blocks of a Markdown file (CommonMark fences, backticks or tildes). */
function blocksOf(readme: string): Block[] {
  const lines = readFileSync(join(root, readme), 'utf8').split(/\r?\n/);
  const name = readme.replace(/\.md$/i, '').replaceAll('/', '-');
  const blocks: Block[] = [];
  let open: { fence: string; indent: number; lang: string; line: number; body: string[] } | undefined;
  lines.forEach((text, index) => {
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
      if (close?.[1] && close[1][0] === open.fence[0] && close[1].length >= open.fence.length) {
        if (open.lang === 'ts' || open.lang === 'typescript') {
          blocks.push({ readme, fence: open.line, indent: open.indent, file: `${name}.L${open.line}.ts`, code: `${open.body.join('\n')}\n` });
        }
        open = undefined;
      } else {
        open.body.push(text.slice(Math.min(open.indent, text.length - text.trimStart().length)));
      }
      return;
    }
    const start = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/.exec(text);
    if (start?.[2]) open = { fence: start[2], indent: start[1]?.length ?? 0, lang: (start[3] ?? '').toLowerCase(), line: index + 1, body: [] };
  });
  return blocks;
}

const BLOCKS = readmes().flatMap(blocksOf);
const byFile = new Map(BLOCKS.map((block) => [block.file, block]));

/** tsc's diagnostics (`--pretty false`), each block's file and line replaced by its README's, in README order. */
function mapDiagnostics(output: string): string {
  // A diagnostic is its first line and the indented lines that explain it.
  const diagnostics = output.trimEnd().split(/\n(?! )/);
  return diagnostics
    .map((text) => {
      const at = /^(\S+?\.ts)\((\d+),(\d+)\): ([^]*)$/.exec(text);
      const block = at?.[1] ? byFile.get(at[1]) : undefined;
      if (!at || !block) return { key: '', text };
      const line = block.fence + Number(at[2]);
      const source = readFileSync(join(root, block.readme), 'utf8').split(/\r?\n/)[line - 1] ?? '';
      return { key: `${block.readme}:${String(line).padStart(6, '0')}`, text: `${block.readme}:${line}:${Number(at[3]) + block.indent} ${at[4]}\n    | ${source.trim()}` };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((diagnostic) => diagnostic.text)
    .join('\n');
}

const checked = new Map<string, Promise<{ ok: boolean; output: string }>>();

beforeAll(async () => {
  const project = await consumerProject();
  const dir = join(project, 'readme-snippets');
  await mkdir(dir, { recursive: true });
  await Promise.all(BLOCKS.map((block) => writeFile(join(dir, block.file), block.code)));
  for (const resolution of RESOLUTIONS) {
    // The fixture's strict configuration, with Node's types; every block is a module of its own.
    const config = {
      extends: `../tsconfig.${resolution}.json`,
      compilerOptions: { noEmit: true, types: ['node'], moduleDetection: 'force' },
      files: BLOCKS.map((block) => block.file),
    };
    await writeFile(join(dir, `tsconfig.${resolution}.json`), JSON.stringify(config, null, 2));
  }
  // Both at once: each compilation mostly checks the same declaration files.
  for (const resolution of RESOLUTIONS) {
    checked.set(
      resolution,
      exec(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`, '--pretty', 'false'], { cwd: dir }).then(
        () => ({ ok: true, output: '' }),
        (error: { stdout?: string; stderr?: string; message: string }) => ({ ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` || error.message }),
      ),
    );
  }
});

describe('the TypeScript blocks of the READMEs', () => {
  it('are found in README.md, each written to its own file', () => {
    expect(BLOCKS.filter((block) => block.readme === 'README.md')).not.toEqual([]);
    expect(byFile.size).toBe(BLOCKS.length);
  });

  it.each(RESOLUTIONS)('compile as written, strictly, with moduleResolution %s', async (resolution) => {
    const { ok, output } = await checked.get(resolution)!;
    expect(ok, `tsc failed on README blocks (moduleResolution ${resolution}):\n${mapDiagnostics(output)}\n`).toBe(true);
  });
});
