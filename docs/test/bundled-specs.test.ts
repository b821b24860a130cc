// Each vendor package ships its spec as one self-contained file, reachable through its exports
// map, and it is the same API as the hand-written source.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const read = async (path: string) => readFile(path, 'utf8');

type Spec = { paths: Record<string, Record<string, { operationId?: string }>>; components: { schemas: Record<string, unknown> } };
const operations = (spec: Spec) =>
  Object.entries(spec.paths)
    .flatMap(([path, item]) => Object.entries(item).flatMap(([method, op]) => (op?.operationId ? [`${method.toUpperCase()} ${path} ${op.operationId}`] : [])))
    .sort();

describe.each(['softwareone', 'bird', 'nexudus'])('@parley/%s bundled spec', (vendor) => {
  it('resolves as @parley/<vendor>/openapi.json and .yaml, and both are the source API', async () => {
    const source = parse(await read(require.resolve(`@parley/spec-${vendor}/openapi.yaml`))) as Spec;
    const json = JSON.parse(await read(require.resolve(`@parley/${vendor}/openapi.json`))) as Spec;
    const yaml = parse(await read(require.resolve(`@parley/${vendor}/openapi.yaml`))) as Spec;

    expect(operations(json)).toEqual(operations(source));
    expect(operations(json).length).toBe(3);
    expect(Object.keys(json.components.schemas).sort()).toEqual(Object.keys(source.components.schemas).sort());
    // Self-contained: every $ref points inside the file.
    const refs = JSON.stringify(json).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.every((ref) => ref.startsWith('"$ref":"#/'))).toBe(true);
    // Nothing lost or changed on the way.
    expect(json).toEqual(source);
    expect(yaml).toEqual(json);
  });
});
