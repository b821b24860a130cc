#!/usr/bin/env node
// What a spec says that no vendor source documents: every node marked `x-parley-inferred: "<why>"`
// (an operation, response, example, parameter or schema). The spec packages' `lint` prints them
// (`node ../../tools/codegen/inferred.mjs openapi.yaml`) and the docs render each as a badge.
import { pathToFileURL } from 'node:url';
import { loadSpec } from './spec.mjs';

export const INFERRED = 'x-parley-inferred';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/** Where a node sits, for people: `PATCH /a/{b} › responses › 409` rather than a JSON pointer. */
export function describeLocation(keys) {
  if (keys[0] === 'paths' && keys.length >= 2) {
    const method = METHODS.has(keys[2]) ? `${keys[2].toUpperCase()} ` : '';
    return [`${method}${keys[1]}`, ...keys.slice(method ? 3 : 2)].join(' › ');
  }
  return keys.join(' › ');
}

/**
 * Every inferred fact of a spec, in document order: `{ keys, where, reason }`. A marker that is
 * not a non-empty string is a defect (it says nothing about why), reported in `defects`.
 */
export function inferredFacts(spec) {
  const facts = [];
  const defects = [];
  const visit = (node, keys) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, [...keys, String(i)]));
    if (!node || typeof node !== 'object') return;
    if (INFERRED in node) {
      const reason = node[INFERRED];
      if (typeof reason === 'string' && reason.trim()) facts.push({ keys, where: describeLocation(keys), reason: reason.trim() });
      else defects.push(`${describeLocation(keys)}: ${INFERRED} must be a sentence saying why, not ${JSON.stringify(reason)}`);
    }
    for (const [key, value] of Object.entries(node)) if (key !== INFERRED) visit(value, [...keys, key]);
  };
  visit(spec, []);
  return { facts, defects };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? 'openapi.yaml';
  const spec = loadSpec(file);
  const { facts, defects } = inferredFacts(spec);
  console.log(`${spec.info?.title ?? file}: ${facts.length} inferred fact${facts.length === 1 ? '' : 's'} (${INFERRED}; the docs badge each one)`);
  for (const { where, reason } of facts) console.log(`  - ${where}: ${reason}`);
  for (const defect of defects) console.error(`error: ${defect}`);
  if (defects.length) process.exit(1);
}
