// Fixture values read from a vendor's spec, so ids and bodies are written once, in the spec's
// examples, and tests say which example they use rather than copying it.
import { loadSpec, operationParameters, resolve, type Spec } from '../../../tools/codegen/spec.mjs';
import { vendor } from '../../../tools/registry.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const specs = new Map<string, Spec>();

/** The parsed spec of a registry vendor, read once per test file. */
export function specOf(id: string): Spec {
  let spec = specs.get(id);
  if (!spec) specs.set(id, (spec = loadSpec(vendor(id).specFile)));
  return spec;
}

/** Where an operation lives in the spec: its path template, method, and the objects themselves. */
export function operationOf(id: string, operationId: string) {
  const spec = specOf(id);
  for (const [path, item] of Object.entries<Record<string, any>>(spec.paths ?? {})) {
    for (const method of METHODS) {
      if (item[method]?.operationId === operationId) return { path, method, item, operation: item[method] as Record<string, any> };
    }
  }
  throw new Error(`specs/${id}/openapi.yaml has no operation ${operationId}`);
}

/** The operation's parameters, `$ref`s resolved; its own override the path item's, as in OpenAPI. */
export function parametersOf(id: string, operationId: string): Record<string, any>[] {
  const { item, operation } = operationOf(id, operationId);
  return operationParameters(specOf(id), item, operation);
}

/** A parameter's example: its `example`, its schema's, or the first of its `examples`. */
function parameterExample(spec: Spec, parameter: Record<string, any>): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const schema = resolve<Record<string, any> | undefined>(spec, parameter.schema);
  if (schema?.example !== undefined) return schema.example;
  const first = Object.values(parameter.examples ?? {})[0];
  if (first !== undefined) return resolve<{ value: unknown }>(spec, first).value;
  return undefined;
}

/**
 * The operation's path parameters filled from the spec's examples:
 * `pathExample<GetRoomPath>('acme', 'getRoom')` → `{ roomId: 'R-1' }` (the `example` of each path parameter).
 * Throws when a path parameter has no example.
 */
export function pathExample<T = Record<string, string | number>>(id: string, operationId: string): T {
  const spec = specOf(id);
  const entries = parametersOf(id, operationId)
    .filter((parameter) => parameter.in === 'path')
    .map((parameter) => {
      const value = parameterExample(spec, parameter);
      if (value === undefined) throw new Error(`specs/${id}: path parameter ${parameter.name} of ${operationId} has no example`);
      return [parameter.name, value] as const;
    });
  return Object.fromEntries(entries) as T;
}

/** The JSON media type of a `content` map, else its first. */
function mediaOf(content: Record<string, any> | undefined): Record<string, any> | undefined {
  if (!content) return undefined;
  const type = Object.keys(content).find((t) => /^application\/(.+\+)?json$/.test(t)) ?? Object.keys(content)[0];
  return type === undefined ? undefined : content[type];
}

/** Named examples of a media type object (`example` alone is named `default`), `$ref`s resolved. */
function examplesOf(spec: Spec, media: Record<string, any> | undefined): Record<string, unknown> {
  if (!media) return {};
  if (media.examples) {
    const named = Object.entries<unknown>(media.examples);
    return Object.fromEntries(named.map(([name, example]) => [name, resolve<{ value: unknown }>(spec, example).value]));
  }
  return media.example !== undefined ? { default: media.example } : {};
}

/** Every named example of the operation's request body. */
export function requestExamples(id: string, operationId: string): Record<string, unknown> {
  const spec = specOf(id);
  const body = resolve<Record<string, any> | undefined>(spec, operationOf(id, operationId).operation.requestBody);
  return examplesOf(spec, mediaOf(body?.content));
}

/** One request body example: the one named, or the first. Throws when there is none. */
export function requestExample<T = unknown>(id: string, operationId: string, name?: string): T {
  return pick(requestExamples(id, operationId), name, `the request body of ${id} ${operationId}`) as T;
}

/** Every named example of the operation's response for `status` (`200`, `'404'`, `'default'`). */
export function responseExamples(id: string, operationId: string, status: number | string): Record<string, unknown> {
  const spec = specOf(id);
  const response = operationOf(id, operationId).operation.responses?.[String(status)];
  if (!response) return {};
  return examplesOf(spec, mediaOf(resolve<Record<string, any>>(spec, response).content));
}

/** One response example: the one named, or the first. Throws when there is none. */
export function responseExample<T = unknown>(id: string, operationId: string, status: number | string, name?: string): T {
  return pick(responseExamples(id, operationId, status), name, `the ${status} response of ${id} ${operationId}`) as T;
}

/** Every example of the operation's 4xx and 5xx responses, in the spec's order. */
export function errorExamples(id: string, operationId: string): { status: number; name: string; value: unknown }[] {
  const responses = Object.keys(operationOf(id, operationId).operation.responses ?? {}).filter((status) => /^[45]\d\d$/.test(status));
  return responses.flatMap((status) =>
    Object.entries(responseExamples(id, operationId, status)).map(([name, value]) => ({ status: Number(status), name, value })),
  );
}

function pick(examples: Record<string, unknown>, name: string | undefined, what: string): unknown {
  const names = Object.keys(examples);
  const chosen = name ?? names[0];
  if (chosen === undefined || !(chosen in examples)) {
    const which = name ? `no example ${JSON.stringify(name)}` : 'no example';
    throw new Error(`${which} for ${what}; it has ${names.length ? names.join(', ') : 'none'}`);
  }
  return structuredClone(examples[chosen]);
}
