// The contract generator on a small inline spec: what it keeps of schemas, and that the module it
// renders runs (with Ajv's own helpers standing in for @parley/runtime/contract's).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderContract, validatingSchema } from '../contract.mjs';
import type { Spec } from '../spec.mjs';

const spec = {
  openapi: '3.1.0',
  info: { title: 'Acme', version: '1' },
  paths: {
    '/rooms/{id}': {
      get: {
        operationId: 'getRoom',
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Room' } } } },
          '429': {
            description: 'slow down',
            headers: { 'Retry-After': { required: true, schema: { type: 'integer', minimum: 0 } } },
          },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
  },
  components: {
    responses: { Problem: { description: 'error', content: { 'application/problem+json': { schema: { type: 'object', required: ['title'] } } } } },
    schemas: {
      Room: {
        type: 'object',
        description: 'A room.',
        'x-parley-inferred': 'a reason',
        required: ['id', 'state'],
        properties: {
          id: { type: 'string', example: 'R1' },
          state: { enum: ['open', 'closed'] },
          name: { type: 'string', maxLength: 3 },
          description: { type: ['string', 'null'] },
          at: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
} as unknown as Spec;

async function load(code: string) {
  const dir = mkdtempSync(join(tmpdir(), 'contract-'));
  const helpers = join(dir, 'helpers.mjs');
  // What @parley/runtime/contract provides to the generated code.
  writeFileSync(helpers, `export { fullFormats as formats } from ${JSON.stringify(import.meta.resolve('ajv-formats/dist/formats.js'))};\nexport const ucs2length = (s) => [...s].length;\n`);
  const js = code.replace(/import \{[^}]*\} from '@parley\/runtime\/contract';/, `import { formats, ucs2length } from ${JSON.stringify(pathToFileURL(helpers).href)};`).replace(/export \{[^}]*\} from '@parley\/runtime\/contract';/, '').replace('export const contract: Contract =', 'export const contract =');
  const file = join(dir, 'contract.mjs');
  writeFileSync(file, js);
  return (await import(pathToFileURL(file).href)).contract;
}

describe('validatingSchema', () => {
  it('drops annotations and extensions, keeps members named like them, and points refs into the spec', () => {
    expect(validatingSchema(spec.components!.schemas!.Room)).toEqual({
      type: 'object',
      required: ['id', 'state'],
      properties: {
        id: { type: 'string' },
        state: { enum: ['open', 'closed'] },
        name: { type: 'string', maxLength: 3 },
        description: { type: ['string', 'null'] },
        at: { type: 'string', format: 'date-time' },
      },
    });
    expect(validatingSchema({ items: { $ref: '#/components/schemas/Room' } })).toEqual({ items: { $ref: 'spec#/components/schemas/Room' } });
  });
});

describe('renderContract', () => {
  it('renders a module whose table lists every documented answer, with compiled validators', async () => {
    const contract = await load(renderContract(spec, { id: 'acme', displayName: 'Acme' }));
    const op = contract.operations.getRoom;
    expect(op).toMatchObject({ operationId: 'getRoom', method: 'GET', path: '/rooms/{id}' });
    expect(Object.keys(op.responses)).toEqual(['200', '429', 'default']);
    expect(op.responses['429']).toMatchObject({ mediaTypes: [], body: undefined, headers: { 'retry-after': { required: true, type: 'integer' } } });
    expect(op.responses.default.mediaTypes).toEqual(['application/problem+json']);

    const body = op.responses['200'].body;
    expect(body({ id: 'R1', state: 'open', name: 'abc', description: null, at: '2026-01-02T03:04:05Z' })).toBe(true);
    expect(body({ id: 'R1', state: 'open', name: '🙂🙂🙂' })).toBe(true); // code points, not UTF-16 units
    expect(body({ id: 1, state: 'archived', name: 'abcd', at: 'yesterday' })).toBe(false);
    expect(body.errors.map((e: { instancePath: string; keyword: string }) => `${e.instancePath} ${e.keyword}`).sort()).toEqual(['/at format', '/id type', '/name maxLength', '/state enum']);
    expect(op.responses['429'].headers['retry-after'].validate(-1)).toBe(false);
  });
});
