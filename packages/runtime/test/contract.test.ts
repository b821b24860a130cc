// @parley/runtime/contract's checks on their own: what counts as a departure, beyond what the
// compiled validators say (those are tested on real specs: tests/resilience validate-responses).
import { describe, expect, it } from 'vitest';
import { checkAnswer, formats, relevantErrors, ucs2length, type CompiledError, type CompiledValidator, type Contract } from '../src/contract.js';

/** A validator standing in for a compiled one: passes unless the data has `bad`. */
const validator: CompiledValidator = Object.assign(
  (data: unknown) => {
    const bad = (data as { bad?: unknown }).bad !== undefined;
    validator.errors = bad ? [{ instancePath: '/bad', schemaPath: '#/properties/bad/type', keyword: 'type', params: { type: 'string' }, message: 'must be string' }] : null;
    return !bad;
  },
  { errors: null },
);
const integer: CompiledValidator = (data) => Number.isInteger(data);

const contract: Contract = {
  provider: 'acme',
  operations: {
    getThing: {
      operationId: 'getThing',
      method: 'GET',
      path: '/things/{id}',
      responses: {
        '200': { mediaTypes: ['application/json'], body: validator, headers: { 'x-rate': { required: true, type: 'integer', validate: integer } } },
        '204': { mediaTypes: [], headers: {} },
        '4XX': { mediaTypes: ['application/problem+json'], body: validator, headers: {} },
      },
    },
  },
};
const check = (status: number, headers: Record<string, string>, body?: string, undocumentedHeaders = false) =>
  checkAnswer(contract, 'getThing', { status, headers, body }, { undocumentedHeaders }).map(({ in: where, path, rule }) => `${where} ${path} ${rule}`);
const json = { 'content-type': 'application/json; charset=utf-8', 'x-rate': '5' };

describe('checkAnswer', () => {
  it('passes a documented answer: media type parameters, a header read as its type', () => {
    expect(check(200, json, '{"ok":1}')).toEqual([]);
    expect(check(204, {}, '')).toEqual([]);
    expect(check(404, { 'content-type': 'application/problem+json' }, '{}')).toEqual([]); // by its class, 4XX
  });

  it('reports an undocumented status, and stops there', () => {
    expect(check(500, {}, '<html>')).toEqual(['status  status']);
  });

  it('reports the body: missing, unexpected, of another media type, not JSON, against its schema', () => {
    expect(check(200, json, '')).toEqual(['body  body']);
    expect(check(204, { 'content-type': 'application/json' }, '{}')).toEqual(['body  no-body']);
    expect(check(200, { ...json, 'content-type': 'text/html' }, '<p>')).toEqual(['body  media-type']);
    expect(check(200, json, '{"ok":')).toEqual(['body  json']);
    expect(check(200, json, '{"bad":1}')).toEqual(['body /bad type']);
  });

  it('reports headers: a required one missing, one of the wrong type, and (for the proxy) undocumented ones, never HTTP\'s own', () => {
    expect(check(200, { 'content-type': 'application/json' }, '{}')).toEqual(['header x-rate required']);
    expect(check(200, { ...json, 'x-rate': 'soon' }, '{}')).toEqual(['header x-rate schema']); // a validator without errors still fails
    const extra = { ...json, 'x-new-thing': '1', date: 'Sun, 22 Nov 2026 10:00:00 GMT', 'access-control-allow-origin': '*', 'x-request-id': 'r1' };
    expect(check(200, extra, '{}')).toEqual([]);
    expect(check(200, extra, '{}', true)).toEqual(['header x-new-thing undocumented-header']);
  });

  it('holds no value of the answer', () => {
    const found = checkAnswer(contract, 'getThing', { status: 200, headers: { ...json, 'x-rate': 'secret-ish' }, body: '{"bad":"s3cr3t"}' });
    expect(JSON.stringify(found)).not.toMatch(/s3cr3t|secret-ish/);
  });

  it('names an operation the contract does not have', () => {
    expect(checkAnswer(contract, 'nope', { status: 200, headers: {}, body: '' })).toEqual([expect.objectContaining({ rule: 'operation' })]);
  });
});

describe('relevantErrors', () => {
  const error = (instancePath: string, keyword: string, params: Record<string, unknown> = {}): CompiledError => ({ instancePath, schemaPath: '#', keyword, params });

  it('keeps the errors of the branch of the right type, not the union summary', () => {
    // `lastReadMessage: { id: 5 }` against oneOf [{ $ref: Message }, { type: 'null' }]
    const errors = [error('/lastReadMessage/id', 'type', { type: 'string' }), error('/lastReadMessage', 'type', { type: 'null' }), error('/lastReadMessage', 'oneOf')];
    expect(relevantErrors(errors)).toEqual([errors[0]]);
  });

  it('names every type when no branch has the right one', () => {
    const errors = [error('/at', 'type', { type: 'string' }), error('/at', 'type', { type: 'null' }), error('/at', 'oneOf')];
    expect(relevantErrors(errors)).toEqual([expect.objectContaining({ instancePath: '/at', keyword: 'type', message: 'must be string or null' })]);
  });

  it('leaves errors before the union, and elsewhere, alone', () => {
    const errors = [error('/a', 'required'), error('/b/c', 'enum'), error('/b', 'type', { type: 'null' }), error('/b', 'oneOf'), error('/d', 'type')];
    expect(relevantErrors(errors).map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/a required', '/b/c enum', '/d type']);
  });
});

describe('formats and helpers the generated validators use', () => {
  it.each([
    ['2024-02-05T14:22:10Z', true],
    ['2024-02-05t14:22:10.5+01:00', true],
    ['2024-02-29T23:59:60Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['2024-04-31T00:00:00Z', false],
    ['2024-02-05T24:00:00Z', false],
    ['2024-02-05T10:00:00', false],
    ['2024-02-05T10:00:00+24:00', false],
    ['2024-02-05', false],
  ])('date-time %s: %s', (text, valid) => {
    expect(formats['date-time'].validate(text)).toBe(valid);
  });

  it('int32 and int64 are whole numbers, int32 within 32 bits', () => {
    expect([1, -2147483648, 2147483647, 2147483648, 1.5].map(formats.int32.validate)).toEqual([true, true, true, false, false]);
    expect([2 ** 40, 1.5].map(formats.int64.validate)).toEqual([true, false]);
  });

  it('counts code points, as JSON Schema lengths do', () => {
    expect(ucs2length('a🙂b')).toBe(3);
  });
});
