// Prism only checks that an API-key header is there; the mock front in front of it refuses an
// `Authorization` without the scheme the spec names (`x-parley-credential.prefix`), answering the
// operation's documented 401 without asking Prism. Read from the specs, for every vendor that
// names such a prefix; vendors that name none are left to Prism.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialCheck, credentialRules, type PrismOperation } from '../dist/credential-check.js';
import { specPath, startPrism, VENDORS, type PrismServer } from '../dist/index.js';
import { probe } from './probe.js';
import { loadSpec, resolve } from '../../../tools/codegen/spec.mjs';

type Node = Record<string, any>; // parsed YAML

/** The `Authorization` prefix a vendor's spec names for its first security scheme, if any. */
function prefixOf(vendor: (typeof VENDORS)[number]): string | undefined {
  const doc = loadSpec(specPath(vendor));
  const [name] = Object.keys((doc.security as Node[] | undefined)?.[0] ?? {});
  return name ? (doc.components?.securitySchemes?.[name] as Node | undefined)?.['x-parley-credential']?.prefix : undefined;
}

/** The first example of the 401 the spec documents for the GET the probe sends. */
function unauthorizedExample(vendor: (typeof VENDORS)[number], path: string): unknown {
  const doc = loadSpec(specPath(vendor));
  const [, item] = Object.entries(doc.paths as Record<string, Node>).find(([template]) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  )!;
  const content = resolve<Node>(doc, item.get.responses['401']).content['application/json'];
  return resolve<Node>(doc, Object.values(content.examples as Node)[0]).value;
}

const prefixed = VENDORS.flatMap((vendor) => {
  const prefix = prefixOf(vendor);
  return prefix ? [{ vendor, prefix }] : [];
});

describe.each(prefixed)('the $vendor mock ($prefix)', ({ vendor, prefix }) => {
  const { path, example } = probe(vendor);
  let mock: PrismServer;
  beforeAll(async () => {
    mock = await startPrism({ spec: specPath(vendor) });
  });
  afterAll(() => mock?.stop());
  const get = (headers: Record<string, string>) => fetch(`${mock.url}${path}`, { headers });

  it.each([
    ['another scheme', { Authorization: 'Bearer x' }],
    ['no Authorization', {}],
    ['the scheme without a credential', { Authorization: `${prefix} ` }],
    ['the credential without the scheme', { Authorization: 'k' }],
  ])('answers %s with the spec 401, as JSON, saying why', async (_, headers) => {
    const response = await get(headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*'); // like Prism's own answers
    expect(response.headers.get('sl-violations')).toContain(`${prefix} <credential>`);
    expect(await response.json()).toEqual(unauthorizedExample(vendor, path));
  });

  it.each([
    ['the scheme the spec names', `${prefix} k`],
    ['the scheme in other letter case (HTTP schemes are case-insensitive)', `${prefix.toUpperCase()} k`],
  ])('forwards %s to Prism', async (_, authorization) => {
    const response = await get({ Authorization: authorization });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(example);
  });

  it('leaves CORS preflights and unknown paths to Prism', async () => {
    const preflight = await fetch(`${mock.url}${path}`, { method: 'OPTIONS', headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://app.test');
    const unknown = await fetch(`${mock.url}/no/such/path`, { headers: { Authorization: 'Bearer x' } });
    expect(unknown.status).toBe(404);
  });

  it('keeps a connection open across a refusal and a forwarded request', async () => {
    // fetch (undici) reuses one kept-alive connection for consecutive requests to the same origin.
    for (const authorization of ['Bearer x', `${prefix} k`, 'Bearer x', `${prefix} k`]) {
      const response = await fetch(`${mock.url}${path}`, { method: 'GET', headers: { Authorization: authorization } });
      await response.arrayBuffer();
      expect(response.status).toBe(authorization.startsWith(prefix) ? 200 : 401);
    }
  });
});

describe('credential rules', () => {
  const op = (security: PrismOperation['security']): PrismOperation => ({
    method: 'get',
    path: '/rooms/{roomId}',
    security,
    responses: [{ code: '401', contents: [{ mediaType: 'application/json', examples: [{ key: 'denied', value: { error: 'denied' } }] }] }],
  });
  const accessKey = { type: 'apiKey', in: 'header', name: 'Authorization', extensions: { 'x-parley-credential': { prefix: 'AccessKey' } } };
  const bearer = { type: 'http', scheme: 'bearer' };
  const other = { type: 'apiKey', in: 'header', name: 'X-Api-Key', extensions: { 'x-parley-credential': { prefix: 'Key' } } };

  it('takes the prefix and the first 401 example of an operation', () => {
    expect(credentialRules([op([[accessKey]])])).toEqual([
      { method: 'GET', path: '/rooms/{roomId}', schemes: ['AccessKey'], unauthorized: { status: 401, headers: { 'content-type': 'application/json' }, body: '{"error":"denied"}' } },
    ]);
  });

  it.each([
    ['no prefix', [[bearer]]],
    ['a prefix on another header', [[other]]],
    ['an alternative without a prefix', [[accessKey], [bearer]]],
    ['no security at all', []],
    ['security left out', undefined],
  ])('leaves %s to Prism alone', (_, security) => {
    const rules = credentialRules([op(security as PrismOperation['security'])]);
    expect(rules).toEqual([{ method: 'GET', path: '/rooms/{roomId}', schemes: [] }]);
    expect(credentialCheck(rules)({ method: 'GET', url: '/rooms/1', headers: { authorization: 'Bearer x' } })).toBeUndefined();
  });

  it('answers 401 without a body when the spec documents none', () => {
    const [rule] = credentialRules([{ ...op([[accessKey]]), responses: [] }]);
    const refusal = credentialCheck([rule!])({ method: 'GET', url: '/rooms/1', headers: {} });
    expect(refusal).toMatchObject({ status: 401 });
    expect(refusal?.body).toBeUndefined();
  });

  it('matches the most literal path, the method and ignores the query', () => {
    const open = { ...op([[accessKey]]), path: '/rooms/open', security: [] };
    const check = credentialCheck(credentialRules([op([[accessKey]]), open]));
    expect(check({ method: 'GET', url: '/rooms/1?x=/', headers: {} })?.status).toBe(401);
    expect(check({ method: 'GET', url: '/rooms/1/more', headers: {} })).toBeUndefined();
    expect(check({ method: 'POST', url: '/rooms/1', headers: {} })).toBeUndefined();
    expect(check({ method: 'GET', url: '/rooms/open', headers: {} })).toBeUndefined();
  });
});
