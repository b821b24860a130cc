// Reading a spec for the generator: local `$ref`s resolved, operations listed with their parts.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const loadSpec = (file) => parse(readFileSync(file, 'utf8'));

/** Follows a local `#/…` reference (one level at a time, until a value without `$ref`). */
export function resolve(spec, value) {
  let current = value;
  while (current && typeof current.$ref === 'string') {
    if (!current.$ref.startsWith('#/')) throw new Error(`codegen: only local $refs are supported, got ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node, key) => node?.[key], spec);
    if (current === undefined) throw new Error(`codegen: ${value.$ref} does not resolve`);
  }
  return current;
}

/** An operation's parameters, `$ref`s resolved; its own override the path item's with the same name and location. */
export function operationParameters(spec, item, operation) {
  const byKey = new Map();
  for (const p of [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve(spec, p))) byKey.set(`${p.in}:${p.name}`, p);
  return [...byKey.values()];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of the spec, in document order, with what a call to it may carry. */
export function operationsOf(spec) {
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const op = item[method];
      if (!op.operationId) throw new Error(`codegen: ${method.toUpperCase()} ${path} has no operationId`);
      // It becomes the function's name.
      if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(op.operationId)) {
        throw new Error(`codegen: operationId ${JSON.stringify(op.operationId)} of ${method.toUpperCase()} ${path} is not a JavaScript identifier`);
      }
      const params = operationParameters(spec, item, op);
      const body = op.requestBody && resolve(spec, op.requestBody);
      const part = (location) => {
        const list = params.filter((p) => p.in === location);
        return list.length ? { required: list.some((p) => p.required) } : undefined;
      };
      return {
        operationId: op.operationId,
        method,
        path,
        summary: op.summary,
        deprecated: Boolean(op.deprecated),
        idempotent: op['x-parley-idempotent'],
        // `security: []` turns the document's security off: sent without credentials (a token endpoint).
        anonymous: Array.isArray(op.security) && op.security.length === 0,
        path_: part('path'),
        query: part('query'),
        header: part('header'),
        body: body && { required: Boolean(body.required), mediaType: pickMediaType(Object.keys(body.content ?? {})) },
        successMediaType: pickMediaType(successMediaTypes(spec, op)),
        noContent: noContentStatuses(spec, op),
      };
    }),
  );
}

function successMediaTypes(spec, op) {
  return Object.entries(op.responses ?? {})
    .filter(([status]) => /^2/.test(status))
    .flatMap(([, response]) => Object.keys(resolve(spec, response).content ?? {}));
}

/** Success statuses the operation declares without a body (`204`); any other empty success is broken. */
function noContentStatuses(spec, op) {
  return Object.entries(op.responses ?? {})
    .filter(([status, response]) => /^2\d\d$/.test(status) && !Object.keys(resolve(spec, response).content ?? {}).length)
    .map(([status]) => Number(status));
}

/** JSON when the operation offers it, else the first media type it lists. */
function pickMediaType(types) {
  return types.find((type) => /^application\/(.+\+)?json$/.test(type)) ?? types[0];
}
