// Requests for any registered vendor, read from the spec this package serves for it, so that the
// tests cover every vendor in the registry without naming one. Spec reading is the generator's
// (tools/codegen); the test kit cannot be used here, as it depends on this package.
import { credentialSchemes } from '../../../tools/codegen/render.mjs';
import { loadSpec, operationParameters, resolve, type Spec } from '../../../tools/codegen/spec.mjs';
import { specPath, type Vendor } from '../dist/index.js';

type Node = Record<string, any>; // parsed YAML

export interface Probe {
  /** A GET path with every path parameter filled in from the spec's examples. */
  path: string;
  /** Credentials of the kind the spec's preferred security scheme asks for. */
  headers: Record<string, string>;
  /** The first example of its 200 response: what the static mock answers. */
  example: unknown;
}

const specs = new Map<Vendor, Spec>();
const spec = (vendor: Vendor) => {
  if (!specs.has(vendor)) specs.set(vendor, loadSpec(specPath(vendor)));
  return specs.get(vendor)!;
};

function sample(parameter: Node | undefined): string {
  if (parameter?.example !== undefined) return String(parameter.example);
  return parameter?.schema?.type === 'integer' || parameter?.schema?.type === 'number' ? '1' : 'x';
}

/** An `Authorization` header in the form the spec's first security scheme takes. */
function credentials(doc: Spec): Record<string, string> {
  const [preferred] = credentialSchemes(doc);
  if (!preferred) return {};
  const { form } = preferred;
  return { Authorization: form.kind === 'basic' ? `Basic ${btoa('qa:secret')}` : `${form.prefix} k` };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of `vendor`'s spec (of `method`, if given), its path filled in from the parameters' examples. */
function operations(vendor: Vendor, method?: string) {
  const doc = spec(vendor);
  return Object.entries(doc.paths as Record<string, Node>).flatMap(([template, item]) =>
    METHODS.filter((m) => item[m] && (!method || m === method)).map((m) => {
      const operation = item[m] as Node;
      const parameters = operationParameters(doc, item, operation);
      const path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
        encodeURIComponent(sample(parameters.find((p) => p.in === 'path' && p.name === name))),
      );
      return { doc, method: m.toUpperCase(), operation, parameters, path, headers: credentials(doc) };
    }),
  );
}

const gets = (vendor: Vendor) => operations(vendor, 'get');

/** A body as sent with its media type: a form (a token request) or JSON. */
const encodeBody = (mediaType: string, value: unknown) =>
  mediaType === 'application/x-www-form-urlencoded' ? new URLSearchParams(value as Record<string, string>).toString() : JSON.stringify(value);

/** One request per named request-body example the spec carries, for every operation of `vendor`. */
export function requestExampleCalls(vendor: Vendor) {
  return operations(vendor).flatMap(({ doc, method, operation, path, headers }) => {
    const body = resolve<Node | undefined>(doc, operation.requestBody);
    return Object.entries((body?.content ?? {}) as Record<string, Node>).flatMap(([mediaType, content]) =>
      Object.entries((content.examples ?? {}) as Record<string, Node>).map(([name, example]) => ({
        label: `${operation.operationId} ${name}`,
        method,
        path,
        headers: { ...headers, 'content-type': mediaType },
        body: encodeBody(mediaType, resolve<Node>(doc, example).value),
      })),
    );
  });
}

/** A GET of `vendor`'s spec with a documented 200 example; the deepest path (a single resource) first. */
export function probe(vendor: Vendor): Probe {
  const found = gets(vendor)
    .flatMap(({ doc, operation, path, headers }) => {
      const content = resolve<Node | undefined>(doc, resolve<Node | undefined>(doc, operation.responses?.['200'])?.content?.['application/json']);
      const first = Object.values((content?.examples ?? {}) as Record<string, Node>)[0];
      const example: unknown = first ? resolve<Node>(doc, first).value : content?.example;
      return example === undefined ? [] : [{ path, headers, example }];
    })
    .sort((a, b) => b.path.split('/').length - a.path.split('/').length)[0];
  if (!found) throw new Error(`${vendor}: no GET operation with a 200 example`);
  return found;
}

/** A GET of `vendor`'s spec whose query breaks the spec (a number under its parameter's minimum), if it has one. */
export function invalidRequest(vendor: Vendor): { path: string; headers: Record<string, string>; parameter: string } | undefined {
  for (const { parameters, path, headers } of gets(vendor)) {
    const bounded = parameters.find((p) => p.in === 'query' && typeof p.schema?.minimum === 'number');
    if (bounded) return { path: `${path}?${bounded.name}=${(bounded.schema.minimum as number) - 1}`, headers, parameter: bounded.name };
  }
  return undefined;
}

/** A request to one of the spec's operations, as test code sends it. */
export interface SpecCall {
  label: string;
  method: string;
  /** Path parameters and required query parameters filled in from their examples. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * For every operation of `vendor`: a valid request (its first request-body example, if it takes a
 * body), once as it is and once per documented response and named example it can be asked for
 * (`Prefer: code=…, example=…`), so that every answer the spec documents is seen once.
 */
export function everyAnswerCalls(vendor: Vendor): SpecCall[] {
  return operations(vendor).flatMap(({ doc, method, operation, parameters, path, headers }) => {
    const query = parameters.filter((p) => p.in === 'query' && p.required).map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(sample(p))}`);
    const url = query.length ? `${path}?${query.join('&')}` : path;
    const requestBody = resolve<Node | undefined>(doc, operation.requestBody);
    const [mediaType, content] = Object.entries((requestBody?.content ?? {}) as Record<string, Node>)[0] ?? [];
    const example = content && (Object.values((content.examples ?? {}) as Record<string, Node>)[0] ?? (content.example !== undefined ? { value: content.example } : undefined));
    const body = mediaType && example ? { body: encodeBody(mediaType, resolve<Node>(doc, example).value) } : {};
    const sent = { ...headers, ...(mediaType && example ? { 'content-type': mediaType } : {}) };
    const preferences = Object.entries((operation.responses ?? {}) as Record<string, Node>)
      .filter(([code]) => /^\d{3}$/.test(code))
      .flatMap(([code, ref]) => {
        const response = resolve<Node>(doc, ref);
        const named = Object.values((response.content ?? {}) as Record<string, Node>).flatMap((c) => Object.keys((c.examples ?? {}) as Record<string, Node>));
        return [`code=${code}`, ...named.map((name) => `code=${code}, example=${name}`)];
      });
    return [undefined, ...preferences].map((prefer) => ({
      label: `${operation.operationId} ${prefer ?? '(as the mock answers)'}`,
      method,
      path: url,
      headers: prefer ? { ...sent, Prefer: prefer } : sent,
      ...body,
    }));
  });
}
