// Each vendor package ships its spec as one self-contained file, reachable through its exports
// map, and it is the same API as the hand-written source.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { vendors } from '../../tools/registry.mjs';

const read = async (path: string) => readFile(path, 'utf8');

type Spec = { paths: Record<string, Record<string, { operationId?: string }>>; components: { schemas: Record<string, unknown> } };
const operations = (spec: Spec) =>
  Object.entries(spec.paths)
    .flatMap(([path, item]) => Object.entries(item).flatMap(([method, op]) => (op?.operationId ? [`${method.toUpperCase()} ${path} ${op.operationId}`] : [])))
    .sort();

describe.each(vendors())('$clientPackage bundled spec', ({ clientPackage, packageDir, specFile }) => {
  it('resolves as <package>/openapi.json and .yaml, and both are the source API', async () => {
    // Resolved through the package's own exports map, as a consumer's import would be.
    const require = createRequire(`${packageDir}package.json`);
    const source = parse(await read(specFile)) as Spec;
    const json = JSON.parse(await read(require.resolve(`${clientPackage}/openapi.json`))) as Spec;
    const yaml = parse(await read(require.resolve(`${clientPackage}/openapi.yaml`))) as Spec;

    expect(operations(json)).toEqual(operations(source));
    expect(operations(json).length).toBeGreaterThan(0);
    expect(Object.keys(json.components.schemas).sort()).toEqual(Object.keys(source.components.schemas).sort());
    // Self-contained: every $ref points inside the file.
    const refs = JSON.stringify(json).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.every((ref) => ref.startsWith('"$ref":"#/'))).toBe(true);
    // Nothing lost or changed on the way.
    expect(json).toEqual(source);
    expect(yaml).toEqual(json);
  });
});
