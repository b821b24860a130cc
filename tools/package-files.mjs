#!/usr/bin/env node
// `prepack` of every published package: what a tarball carries besides its code. The repository's
// LICENSE, and for a vendor's client and spec packages a README made from the vendor registry and
// the spec (what the package is, how to install it, one call, where the docs are), so that no
// vendor's README is a hand-kept copy of another's. Run in the package's directory.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { credentialSchemes } from './codegen/render.mjs';
import { loadSpec, operationsOf, operationParameters } from './codegen/spec.mjs';
import { vendors } from './registry.mjs';

const root = new URL('../', import.meta.url);
const dir = process.cwd();
const { name } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));

await copyFile(new URL('LICENSE', root), join(dir, 'LICENSE'));

const DOCS = 'Parley\'s README ("Using the clients", "Catching drift") and its offline API docs (`pnpm run docs`: one page per vendor, with each operation\'s Parley call)';

/** The example of a path parameter, as the spec gives it. */
const example = (parameter) => parameter.example ?? Object.values(parameter.examples ?? {})[0]?.value ?? parameter.schema?.example;

/** The client package's README: the factory, and a read of one participant with the spec's example ids. */
function clientReadme(vendor, spec) {
  const { factory } = vendor.identifiers;
  const reads = operationsOf(spec).filter((op) => op.method === 'get' && op.path_);
  const read = reads.sort((a, b) => b.path.split('{').length - a.path.split('{').length)[0];
  const params = operationParameters(spec, spec.paths[read.path], spec.paths[read.path].get).filter((p) => p.in === 'path');
  const path = Object.fromEntries(params.map((p) => [p.name, example(p)]));
  // The spec's preferred credential form, each secret from an environment variable.
  const { form } = credentialSchemes(spec)[0];
  const env = (option) => `process.env['${vendor.identifiers.constant}_${option.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}']!`;
  const credentials = form.kind === 'basic' ? `{ ${form.username}: ${env(form.username)}, ${form.password}: ${env(form.password)} }` : `{ ${form.option}: ${env(form.option)} }`;
  return `# ${vendor.clientPackage}

Typed client for ${vendor.docsTitle}, generated from Parley's hand-written OpenAPI 3.1 spec
(\`${vendor.specPackage}\`, also in this package as \`openapi/openapi.yaml\`) on Parley's shared
runtime (\`@parley/runtime\`): credentials, timeouts, retries, typed \`ParleyError\`s, and opt-in
response validation against the spec (\`validateResponses\`).

## Install

\`\`\`sh
npm install ${vendor.clientPackage}
\`\`\`

## Use

One function per operation of the spec (${operationsOf(spec).map((op) => `\`${op.operationId}\``).join(', ')}),
each in two styles: \`op(client, args)\` resolves with \`{ data, error, response }\`, \`op.orThrow(client, args)\`
with the data or a \`ParleyError\`.

\`\`\`ts
import { ${factory}, ${read.operationId} } from '${vendor.clientPackage}';

const client = ${factory}(${credentials});
const answer = await ${read.operationId}.orThrow(client, { path: { ${Object.entries(path).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')} } });
console.log(answer);
\`\`\`

## Docs

${DOCS}. Licence: MIT.
`;
}

/** The spec package's README: what it holds and who uses it. */
function specReadme(vendor, spec) {
  return `# ${vendor.specPackage}

The hand-written OpenAPI ${spec.openapi} spec of ${vendor.docsTitle} (\`openapi.yaml\`), version
${spec.info.version}: the single source of truth of Parley's typed client \`${vendor.clientPackage}\`,
its mock server (\`@parley/mocks\`) and its docs. Facts no ${vendor.displayName} source confirms are
marked \`x-parley-inferred\` with the reason.

## Install

\`\`\`sh
npm install ${vendor.specPackage}
\`\`\`

Then read \`node_modules/${vendor.specPackage}/openapi.yaml\` (or import \`${vendor.specPackage}/openapi.yaml\`
with a bundler that loads YAML).

## Docs

${DOCS}. Licence: MIT.
`;
}

const vendor = vendors().find((entry) => entry.clientPackage === name || entry.specPackage === name);
if (vendor) {
  const spec = loadSpec(vendor.specFile);
  await writeFile(join(dir, 'README.md'), name === vendor.clientPackage ? clientReadme(vendor, spec) : specReadme(vendor, spec));
}
