#!/usr/bin/env node
// `generate` task of @parley/unified: the list of every registered vendor's adapter
// (packages/unified/src/adapters/<id>.ts), so createParley and the default types cover each vendor
// in the registry with no hand-kept list. Output is git-ignored.
import { mkdir, writeFile } from 'node:fs/promises';
import { vendors } from '../registry.mjs';

const all = vendors();
const out = new URL('../../packages/unified/src/generated/', import.meta.url);
const text = `// Generated from the vendor registry (tools/registry.mjs) by tools/codegen/adapters.mjs. Do not edit.
${all.map((v) => `import { ${v.identifiers.adapter} } from '../adapters/${v.id}.js';`).join('\n')}

/** Every registered provider's adapter, in registry order. */
export const ADAPTERS = [${all.map((v) => v.identifiers.adapter).join(', ')}] as const;

/** Every registered provider id, in registry order. */
export const PROVIDERS = [${all.map((v) => `'${v.id}'`).join(', ')}] as const;
`;
const exportsText = `// Generated from the vendor registry by tools/codegen/adapters.mjs. Do not edit.
${all.map((v) => `export * from '../adapters/${v.id}.js';`).join('\n')}
`;
await mkdir(out, { recursive: true });
await writeFile(new URL('adapters.ts', out), text);
await writeFile(new URL('adapter-exports.ts', out), exportsText);
console.log(`generated packages/unified/src/generated/adapters.ts and adapter-exports.ts (${all.map((v) => v.id).join(', ')})`);
