#!/usr/bin/env node
// `pnpm readme`: writes the parts of README.md that are rendered from code, so they cannot drift:
// the unified mapping table and the unified example (see readme-blocks.mjs).
// packages/unified/test/readme.test.ts fails when README.md is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import { readmeBlocks, replaceBlocks } from './readme-blocks.mjs';

const readme = new URL('../README.md', import.meta.url);
const text = await readFile(readme, 'utf8');
const updated = replaceBlocks(text, await readmeBlocks());
if (updated !== text) await writeFile(readme, updated);
console.log(updated === text ? 'README.md is up to date' : 'README.md updated');
