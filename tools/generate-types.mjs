#!/usr/bin/env node
// Turns specs/<vendor>/openapi.yaml into TypeScript types in packages/<vendor>/src/generated/.
// Run by each vendor package's `generate` task; the output is a build artefact, ignored by git.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const vendor = process.argv[2];
if (!vendor || !/^[a-z0-9-]+$/.test(vendor)) {
  console.error('usage: generate-types.mjs <vendor>');
  process.exit(2);
}

const root = new URL('../', import.meta.url);
const spec = new URL(`specs/${vendor}/openapi.yaml`, root);
const outDir = new URL(`packages/${vendor}/src/generated/`, root);

const ast = await openapiTS(spec, {
  alphabetize: false,
  immutable: false,
});
const banner = `// Generated from specs/${vendor}/openapi.yaml by tools/generate-types.mjs. Do not edit.\n\n`;
await mkdir(outDir, { recursive: true });
await writeFile(new URL('openapi.ts', outDir), banner + astToString(ast));
console.log(`generated ${fileURLToPath(new URL('openapi.ts', outDir))}`);
