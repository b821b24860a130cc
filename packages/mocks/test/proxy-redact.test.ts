// What a drift finding's example may show of real traffic: no credential, no personal data, nothing
// large; but the value that broke the spec when it is a short enum-like string. And the summary the
// CLI prints when it stops. Pure functions, no server.
import { describe, expect, it } from 'vitest';
import { summarizeDrift, type DriftFinding } from '../dist/index.js';
import { credentialSecrets, isSensitiveName, redactExample, redactHeader, redactString } from '../dist/proxy/redact.js';

describe('redacting a finding example', () => {
  it('keeps short enum-like strings, numbers, booleans and null visible', () => {
    for (const value of ['archived', 'user', 'ValidationFailed', '', 42, 3.5, true, null]) expect(redactExample(value)).toBe(value);
    expect(redactExample({ status: 'archived', muted: false, revision: 3 })).toEqual({ status: 'archived', muted: false, revision: 3 });
    // Dates, decimals and short ids are no phone numbers.
    for (const value of ['2026-02-11T09:24:51.118Z', '2026-02-11', '1234.5678', '87654321', 'CHT-4821-7730-1955']) expect(redactString(value)).toBe(value);
  });

  it('replaces members named like secrets or personal data, whatever their case or separators', () => {
    const named = ['password', 'accessToken', 'refresh_token', 'client-secret', 'apiKey', 'Authorization', 'cookie', 'email', 'EmailAddress', 'phone', 'phoneNumber', 'name', 'Name', 'firstName', 'last_name', 'displayName', 'address', 'platformAddress', 'BillingAddress'];
    for (const name of named) expect(isSensitiveName(name), name).toBe(true);
    for (const name of ['status', 'type', 'id', 'createdAt', 'muted', 'TotalItems', 'namespace', 'keyboard']) expect(isSensitiveName(name), name).toBe(false);
    expect(redactExample({ id: 7, firstName: 'Ada', lastName: 'Lovelace', contact: { email: 'ada@example.com', role: 'admin' }, apiKey: 12345 })).toEqual({
      id: 7,
      firstName: '[redacted]',
      lastName: '[redacted]',
      contact: { email: '[redacted]', role: 'admin' },
      apiKey: '[redacted]',
    });
    // The name the value itself sits under counts too.
    expect(redactExample('John Doe', { name: 'displayName' })).toBe('[redacted]');
    expect(redactExample({ street: 'Main St 1' }, { name: 'address' })).toBe('[redacted]');
  });

  it('describes strings shaped like emails, phone numbers, JWTs, ids and tokens, also inside text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(redactString('ada@example.com')).toBe('[email]');
    expect(redactString('+31 6 1234 5678')).toBe('[phone]');
    expect(redactString('(020) 555-0134')).toBe('[phone]');
    expect(redactString(jwt)).toBe('[jwt]');
    expect(redactString('cb22b001-6226-4d7c-acdd-7414b2bcdbaf')).toBe('[uuid]');
    expect(redactString('sk_live_51HxQ2kLmN8pQrStUvWx')).toBe('[token]');
    expect(redactString('10.0.12.7')).toBe('[ip]');
    expect(redactString(`mail ada@example.com or call +44 20 7946 0958 with ${jwt}`)).toBe('mail [email] or call [phone] with [jwt]');
    expect(redactString('/workspaces/b4e02c85-c6d2-4b15-8885-e09671799c61/conversations')).toBe('/workspaces/[uuid]/conversations');
  });

  it("scrubs the request's credentials wherever they appear, keeping an Authorization header's scheme", () => {
    const secrets = credentialSecrets({ authorization: 'AccessKey correct-horse-battery', cookie: 'session=opensesame; theme=dark', 'x-api-key': 'swordfish-42' }, ['x-api-key']);
    expect(secrets).toEqual(expect.arrayContaining(['AccessKey correct-horse-battery', 'correct-horse-battery', 'opensesame', 'swordfish-42']));
    // A value too short to be a credential is not looked for (it would scrub ordinary text).
    expect(secrets).not.toContain('dark');
    expect(redactExample({ note: 'token correct-horse-battery was used', echo: 'swordfish-42' }, { secrets })).toEqual({ note: 'token [redacted] was used', echo: '[redacted]' });
    expect(redactHeader('authorization', 'AccessKey correct-horse-battery', secrets)).toBe('AccessKey [redacted]');
    expect(redactHeader('Authorization', 'opaque', secrets)).toBe('[redacted]');
    expect(redactHeader('x-api-key', 'swordfish-42', secrets, ['x-api-key'])).toBe('[redacted]');
    expect(redactHeader('set-cookie', 'session=abc', secrets)).toBe('[redacted]');
    expect(redactHeader('x-shard', 'eu-3', secrets)).toBe('eu-3');
    expect(redactHeader('x-echo', 'AccessKey correct-horse-battery', secrets)).toBe('[redacted]');
  });

  it('cuts long strings and summarizes large or deep values, keeping their keys', () => {
    const prose = 'The participant could not be found in this conversation because it has left it long ago.';
    const cut = redactString(prose) as string;
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut).toMatch(/^The participant could not be found.*… \(88 chars\)$/);
    const many = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`m${i}`, i]));
    expect(redactExample(many)).toEqual({ ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`m${i}`, i])), '…': '4 more members' });
    expect(redactExample(Array.from({ length: 12 }, (_, i) => i))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, '… 2 more']);
    // Two levels of structure; deeper containers become a one-line summary of their keys or length.
    expect(redactExample({ a: { b: { c: 1, d: { e: 2 } }, list: [[1, 2, 3]] } })).toEqual({ a: { b: '{c, d}', list: '[1 items]' } });
  });
});

describe('summarizeDrift', () => {
  const finding = (over: Partial<DriftFinding>): DriftFinding => ({
    time: '2026-07-01T12:00:00.000Z',
    vendor: 'bird',
    operationId: 'getConversationParticipant',
    method: 'GET',
    path: '/workspaces/w/conversations/c/participants/p',
    status: 200,
    in: 'body',
    pointer: '/status',
    rule: 'enum',
    message: 'must be equal to one of the allowed values: "invited", "pending", "active", "inactive"',
    example: 'archived',
    ...over,
  });

  it('groups by operation and rule: count, pointers, first message, first example', () => {
    const text = summarizeDrift([
      finding({}),
      finding({ pointer: '/results/0/status', example: 'deleted' }),
      finding({ in: 'header', pointer: 'x-shard', rule: 'undocumented-header', message: 'the spec does not document header x-shard', example: 'eu-3' }),
      finding({ in: 'status', pointer: '', rule: 'status', status: 418, message: 'HTTP 418 is not documented; the spec lists 200, 401, 404, 429', example: undefined }),
      finding({ operationId: undefined, method: 'DELETE', path: '/nope', in: 'request', pointer: '', rule: 'operation', message: 'the spec has no operation DELETE /nope', status: 404, example: undefined }),
    ]);
    expect(text).toBe(
      [
        'Drift: 5 findings in 2 operations',
        '  bird getConversationParticipant (4)',
        '    2× body enum at /status, /results/0/status: must be equal to one of the allowed values: "invited", "pending", "active", "inactive"',
        '       e.g. "archived"',
        '    1× header undocumented-header at x-shard: the spec does not document header x-shard',
        '       e.g. "eu-3"',
        '    1× status status: HTTP 418 is not documented; the spec lists 200, 401, 404, 429',
        '  bird DELETE /nope (1)',
        '    1× request operation: the spec has no operation DELETE /nope',
      ].join('\n'),
    );
    expect(summarizeDrift([])).toBe('No drift found.');
  });
});
