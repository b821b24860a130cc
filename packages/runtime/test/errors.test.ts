import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../src/index.js';
import { codeForStatus } from '../src/internal.js';

describe('ParleyError', () => {
  it('fills headers and attempts even when a detail is passed as undefined', () => {
    const error = new ParleyError('network', 'down', { provider: 'acme', headers: undefined, attempts: undefined });
    expect(error).toMatchObject({ name: 'ParleyError', code: 'network', message: 'down', provider: 'acme', headers: {}, attempts: 0 });
    expect(error).toBeInstanceOf(Error);
  });

  it('serializes its fields and message, never its cause', () => {
    const error = new ParleyError('timeout', 'slow', { status: 504, cause: new Error('secret-cause') });
    expect(error.cause).toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'ParleyError', code: 'timeout', message: 'slow', status: 504, headers: {}, attempts: 0 });
    expect(inspect(error, { depth: 10 })).not.toContain('secret-cause');
  });

  it.each([
    [400, 'invalid_input'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [429, 'rate_limited'],
    [418, 'provider'],
    [503, 'provider'],
  ] as const)('maps HTTP %i to %s', (status, code) => expect(codeForStatus(status)).toBe(code));
});
