#!/usr/bin/env node
// `generate` task of each vendor package: specs/<vendor>/openapi.yaml → packages/<vendor>/src/generated/
// (types by openapi-typescript, then operations, aliases and the client factory by render.mjs) and
// packages/<vendor>/openapi/ (the bundled spec the package ships). Build artefacts, ignored by git.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { vendor as lookup } from '../registry.mjs';
import { bundleSpec } from './bundle.mjs';
import { renderContract } from './contract.mjs';
import { renderClient, renderIndex, renderOperations, renderSchemas } from './render.mjs';
import { loadSpec } from './spec.mjs';

const id = process.argv[2];
let vendor;
try {
  vendor = lookup(id);
} catch (error) {
  console.error(`usage: generate.mjs <vendor>\n${error.message}`);
  process.exit(2);
}
const spec = loadSpec(vendor.specFile);
const outDir = `${vendor.packageDir}src/generated/`;
const types = astToString(await openapiTS(new URL(`file://${vendor.specFile}`), { alphabetize: false, immutable: false }));
const files = {
  'openapi.ts': `// Generated from specs/${vendor.id}/openapi.yaml by openapi-typescript (tools/codegen). Do not edit.\n\n${types}`,
  'schemas.ts': renderSchemas(spec, vendor),
  'operations.ts': renderOperations(spec, vendor),
  'client.ts': renderClient(spec, vendor),
  'index.ts': renderIndex(vendor),
  'contract.ts': renderContract(spec, vendor),
};
const bundled = await bundleSpec(vendor.specFile);
const specDir = `${vendor.packageDir}openapi/`;
await Promise.all([outDir, specDir].map((dir) => rm(dir, { recursive: true, force: true })));
await Promise.all([outDir, specDir].map((dir) => mkdir(dir, { recursive: true })));
await Promise.all([
  ...Object.entries(files).map(([name, text]) => writeFile(`${outDir}${name}`, text)),
  writeFile(`${specDir}openapi.json`, bundled.json),
  writeFile(`${specDir}openapi.yaml`, bundled.yaml),
]);
console.log(`generated ${Object.keys(files).join(', ')} in packages/${vendor.id}/src/generated/, and openapi/openapi.{json,yaml}`);
