// Requests for any registered vendor, read from the spec this package serves for it, so that the
// tests cover every vendor in the registry without naming one.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { specPath, type Vendor } from '../dist/index.js';

type Node = Record<string, any>; // parsed YAML
type Parameter = { name: string; in: string; required?: boolean; example?: unknown; schema?: Node };

export interface Probe {
  /** A GET path with every path parameter filled in from the spec's examples. */
  path: string;
  /** Credentials of the kind the operation's security scheme asks for. */
  headers: Record<string, string>;
  /** The first example of its 200 response: what the static mock answers. */
  example: unknown;
}

const specs = new Map<Vendor, Node>();
const spec = (vendor: Vendor) => {
  if (!specs.has(vendor)) specs.set(vendor, parse(readFileSync(specPath(vendor), 'utf8')) as Node);
  return specs.get(vendor)!;
};

function deref(doc: Node, node: Node | undefined): Node | undefined {
  if (!node || typeof node.$ref !== 'string') return node;
  const target = (node.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce<Node | undefined>((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return deref(doc, target);
}

function sample(parameter: Parameter): string {
  if (parameter.example !== undefined) return String(parameter.example);
  return parameter.schema?.type === 'integer' || parameter.schema?.type === 'number' ? '1' : 'x';
}

function credentials(doc: Node, operation: Node): Record<string, string> {
  const requirement = ((operation.security ?? doc.security ?? []) as Node[])[0] ?? {};
  const name = Object.keys(requirement)[0];
  const scheme = name ? deref(doc, doc.components?.securitySchemes?.[name]) : undefined;
  if (!scheme) return {};
  if (scheme.type === 'http' && /^basic$/i.test(scheme.scheme)) return { Authorization: `Basic ${btoa('qa:secret')}` };
  if (scheme.type === 'http') return { Authorization: 'Bearer t' };
  if (scheme.type === 'apiKey' && scheme.in === 'header') {
    const prefix = scheme['x-parley-credential']?.prefix;
    return { [scheme.name]: prefix ? `${prefix} k` : 'k' };
  }
  throw new Error(`no test credentials for security scheme ${name} (${scheme.type})`);
}

/** Every GET operation of `vendor`'s spec, its path filled in from the parameters' examples. */
function gets(vendor: Vendor) {
  const doc = spec(vendor);
  return Object.entries(doc.paths as Record<string, Node>).flatMap(([template, item]) => {
    const operation = item.get as Node | undefined;
    if (!operation) return [];
    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p: Node) => deref(doc, p) as Parameter);
    const path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(sample(parameters.find((p) => p.in === 'path' && p.name === name) ?? { name, in: 'path' })),
    );
    return [{ doc, operation, parameters, path, headers: credentials(doc, operation) }];
  });
}

/** A GET of `vendor`'s spec with a documented 200 example; the deepest path (a single resource) first. */
export function probe(vendor: Vendor): Probe {
  const found = gets(vendor)
    .flatMap(({ doc, operation, path, headers }) => {
      const content = deref(doc, deref(doc, operation.responses?.['200'])?.content?.['application/json']);
      const first = Object.values((content?.examples ?? {}) as Record<string, Node>)[0];
      const example: unknown = first ? deref(doc, first)?.value : content?.example;
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
    if (bounded) return { path: `${path}?${bounded.name}=${(bounded.schema!.minimum as number) - 1}`, headers, parameter: bounded.name };
  }
  return undefined;
}
