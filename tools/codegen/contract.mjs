// Renders `contract.ts` of a vendor package: every documented answer of every operation (status,
// media types, headers, body schema) with its validators compiled ahead of time by Ajv's standalone
// code generation (JSON Schema 2020-12, the dialect of OpenAPI 3.1), so that neither clients nor the
// drift proxy compile schemas at run time, and a client that does not validate never loads them.
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { literal } from './names.mjs';
import { operationsOf, resolve } from './spec.mjs';

// Keywords OpenAPI and JSON Schema define as annotations, and Parley's own `x-` hints: they never
// change a verdict, and leaving them out keeps the compiled code and its embedded schemas small.
const ANNOTATIONS = new Set(['description', 'summary', 'title', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'default', '$comment', 'discriminator', 'externalDocs', 'xml']);

/** The schema without annotations, its local `$ref`s pointed into the document added as `spec`. */
export function validatingSchema(schema) {
  if (Array.isArray(schema)) return schema.map(validatingSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const kept = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') kept.$ref = value.startsWith('#/') ? `spec${value}` : value;
    else if (key === 'properties' || key === 'patternProperties' || key === '$defs') {
      // Member names are data, not keywords: keep `description` as a property name.
      kept[key] = Object.fromEntries(Object.entries(value).map(([name, member]) => [name, validatingSchema(member)]));
    } else if (!key.startsWith('x-') && !ANNOTATIONS.has(key)) kept[key] = validatingSchema(value);
  }
  return kept;
}

// What packages/runtime/src/contract.ts `formats` provides.
const RUNTIME_FORMATS = ['date-time', 'int32', 'int64'];

const isJson = (type) => /^application\/([^;]+\+)?json$/.test(type);

/** Every documented answer as data, and the schemas to compile keyed by the validator's name. */
function answersOf(spec) {
  const schemas = {};
  const operations = operationsOf(spec).map((op) => {
    const operation = spec.paths[op.path][op.method];
    const responses = Object.entries(operation.responses ?? {}).map(([status, ref]) => {
      const response = resolve(spec, ref);
      const mediaTypes = Object.keys(response.content ?? {});
      const json = mediaTypes.find(isJson);
      const key = `${op.operationId}_${status}`;
      let body;
      if (json && response.content[json].schema) {
        body = `body_${key}`;
        schemas[body] = validatingSchema(response.content[json].schema);
      }
      const headers = Object.entries(response.headers ?? {}).map(([name, headerRef], index) => {
        const header = resolve(spec, headerRef);
        const schema = resolve(spec, header.schema ?? {});
        const validator = `header_${key}_${index}`;
        schemas[validator] = validatingSchema(header.schema ?? {});
        return { name: name.toLowerCase(), required: Boolean(header.required), type: typeof schema.type === 'string' ? schema.type : undefined, validator };
      });
      return { status, mediaTypes, body, headers };
    });
    return { operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, responses };
  });
  return { operations, schemas };
}

/**
 * Ajv's standalone module as TypeScript for our build: its CommonJS `require`s of Ajv's run-time
 * helpers replaced by `@parley/runtime/contract`'s (one copy shared by every vendor, ESM for any
 * bundler), its exports made local (the `contract` table is the module's one export).
 */
function portable(code) {
  const replaced = code
    .replace(/^"use strict";/, '')
    .replace(/require\("ajv-formats\/dist\/formats"\)\.fullFormats/g, 'formats')
    .replace(/require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g, 'ucs2length')
    .replace(/export const (\w+) = /g, 'const $1 = ');
  // Formats whose definitions are functions come from @parley/runtime/contract's `formats`.
  for (const [, dotted, quoted] of replaced.matchAll(/\bformats(?:\.(\w+)|\["([^"]+)"\])/g)) {
    const name = dotted ?? quoted;
    if (!RUNTIME_FORMATS.includes(name)) throw new Error(`codegen: format ${name} is not among @parley/runtime/contract's formats (${RUNTIME_FORMATS.join(', ')})`);
  }
  const left = replaced.match(/require\([^)]*\)/);
  if (left) throw new Error(`codegen: Ajv's standalone code needs ${left[0]}, which @parley/runtime/contract does not provide`);
  return replaced;
}

export function renderContract(spec, vendor) {
  const { operations, schemas } = answersOf(spec);
  const ajv = new Ajv2020({
    // Unknown keywords are OpenAPI's own (`nullable` has no meaning in 3.1) or extensions: ignored.
    strict: false,
    allErrors: true, // a drift report names every departure, not the first
    code: { source: true, esm: true, lines: false, optimize: true },
  });
  addFormats(ajv);
  ajv.addSchema({ $id: 'spec', components: validatingSchema(spec.components ?? {}) });
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, name);
  const validators = portable(standaloneCode(ajv, Object.fromEntries(Object.keys(schemas).map((name) => [name, name]))));

  const table = operations
    .map(({ operationId, method, path, responses }) => {
      const answers = responses.map(({ status, mediaTypes, body, headers }) => {
        const headerTable = headers.map(({ name, required, type, validator }) => `${literal(name)}: { required: ${required}, type: ${type ? literal(type) : 'undefined'}, validate: ${validator} }`);
        return `      ${literal(status)}: { mediaTypes: ${JSON.stringify(mediaTypes)}, body: ${body ?? 'undefined'}, headers: { ${headerTable.join(', ')} } },`;
      });
      return `  ${operationId}: {\n    operationId: ${literal(operationId)},\n    method: ${literal(method)},\n    path: ${literal(path)},\n    responses: {\n${answers.join('\n')}\n    },\n  },`;
    })
    .join('\n');
  return `// @ts-nocheck: Ajv's standalone code is JavaScript; the \`contract\` export is typed.
// Generated from specs/${vendor.id}/openapi.yaml by tools/codegen (Ajv standalone). Do not edit.
import { formats, ucs2length, type Contract } from '@parley/runtime/contract';
// A client that validates its answers loads this module, and with it the check it runs.
export { validateResponses as validate } from '@parley/runtime/contract';

${validators}

/** What ${vendor.displayName} documents for each operation's answers, with compiled validators. */
export const contract: Contract = {
  provider: ${literal(vendor.id)},
  operations: {
${table}
  },
};
`;
}
