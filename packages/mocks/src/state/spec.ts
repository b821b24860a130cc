// Reading what a state needs out of the parsed OpenAPI document: operations by operationId, their
// named examples (the seed records and the documented error bodies) and their parameters'
// defaults. `$ref`s are followed here, within the document only.

export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** The node a local `$ref` (`#/components/...`) points at, or undefined. */
function pointer(spec: Obj, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = spec;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Obj)[key];
  }
  return node;
}

/** The node itself, or what its `$ref` chain leads to. */
export function resolve(spec: Obj, node: unknown): unknown {
  for (let depth = 0; depth < 32 && isObject(node) && typeof node.$ref === 'string'; depth++) node = pointer(spec, node.$ref);
  return node;
}

export interface SpecOperation {
  path: string;
  method: string;
  operation: Obj;
  pathItem: Obj;
}

export function findOperation(spec: Obj, operationId: string): SpecOperation | undefined {
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = resolve(spec, rawItem);
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (isObject(operation) && operation.operationId === operationId) return { path, method, operation, pathItem };
    }
  }
  return undefined;
}

/** The JSON content of an operation's documented response for a status, `$ref`s followed. */
export function responseContent(spec: Obj, operationId: string, status: number): Obj | undefined {
  const responses = findOperation(spec, operationId)?.operation.responses;
  if (!isObject(responses)) return undefined;
  const response = resolve(spec, responses[String(status)]);
  if (!isObject(response) || !isObject(response.content)) return undefined;
  const content = response.content;
  const type = Object.keys(content).find((name) => /[/+]json$/.test(name.split(';')[0]!.trim()));
  const media = type === undefined ? undefined : resolve(spec, content[type]);
  return isObject(media) ? media : undefined;
}

/** Every named example's value for an operation's response, in the spec's order (deep copies). */
export function responseExamples(spec: Obj, operationId: string, status: number): unknown[] {
  const media = responseContent(spec, operationId, status);
  if (!media) return [];
  const values: unknown[] = [];
  if (isObject(media.examples)) {
    for (const raw of Object.values(media.examples)) {
      const example = resolve(spec, raw);
      if (isObject(example) && 'value' in example) values.push(structuredClone(example.value));
    }
  }
  if ('example' in media) values.push(structuredClone(media.example));
  return values;
}

/** The first named example of a response whose body is an object (the documented error shapes). */
export function firstObjectExample(spec: Obj, operationId: string, status: number): Obj | undefined {
  return responseExamples(spec, operationId, status).find(isObject);
}

/** An operation's parameter (operation level over path level), `$ref`s followed. */
export function parameter(spec: Obj, operationId: string, name: string): Obj | undefined {
  const found = findOperation(spec, operationId);
  if (!found) return undefined;
  const lists = [found.operation.parameters, found.pathItem.parameters];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const param = resolve(spec, raw);
      if (isObject(param) && param.name === name) return param;
    }
  }
  return undefined;
}

/** The parameter's documented example value (`example`, else its first named example, else the schema's). */
export function parameterExample(spec: Obj, operationId: string, name: string): unknown {
  const param = parameter(spec, operationId, name);
  if (!param) return undefined;
  if ('example' in param) return param.example;
  if (isObject(param.examples)) {
    for (const raw of Object.values(param.examples)) {
      const example = resolve(spec, raw);
      if (isObject(example) && 'value' in example) return example.value;
    }
  }
  const schema = resolve(spec, param.schema);
  return isObject(schema) ? schema.example : undefined;
}

/** A keyword of the parameter's schema (`default`, `maximum`…) when it is a number. */
export function parameterNumber(spec: Obj, operationId: string, name: string, keyword: 'default' | 'maximum' | 'minimum'): number | undefined {
  const schema = resolve(spec, parameter(spec, operationId, name)?.schema);
  const value = isObject(schema) ? schema[keyword] : undefined;
  return typeof value === 'number' ? value : undefined;
}
