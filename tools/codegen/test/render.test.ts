// What the generator emits for every registered vendor, as file snapshots a reviewer can read
// next to the spec change that caused them, and the specs it refuses, on small inline specs.
import { describe, expect, it } from 'vitest';
import { vendors, type VendorEntry } from '../../registry.mjs';
import { credentialSchemes, renderClient, renderOperations, renderSchemas } from '../render.mjs';
import { loadSpec, operationsOf, type Spec } from '../spec.mjs';

describe.each(vendors())('$id', (vendor) => {
  const spec = loadSpec(vendor.specFile);

  it.each([
    ['operations', renderOperations],
    ['client', renderClient],
    ['schemas', renderSchemas],
  ] as const)('renders %s.ts as before', async (file, render) => {
    await expect(render(spec, vendor)).toMatchFileSnapshot(`__snapshots__/${vendor.id}/${file}.ts.snap`);
  });
});

// A made-up vendor and the smallest spec the generator accepts; each refusal test breaks one thing.
const acme: VendorEntry = {
  id: 'acme',
  name: 'Acme',
  displayName: 'Acme Chat',
  docsTitle: 'Acme Chat — rooms',
  portOffset: 99,
  specPackage: '@parley/spec-acme',
  clientPackage: '@parley/acme',
  identifiers: { factory: 'createAcmeClient', client: 'AcmeClient', adapter: 'acmeAdapter', profile: 'acmeProfile', constant: 'ACME' },
  specFile: '/nonexistent/specs/acme/openapi.yaml',
  packageDir: '/nonexistent/packages/acme/',
  specDir: '/nonexistent/specs/acme/',
};

function minimalSpec(): Spec {
  return {
    openapi: '3.1.0',
    info: { title: 'Acme', version: '1' },
    servers: [{ url: 'https://api.acme.example' }],
    security: [{ bearerAuth: [] }],
    paths: {
      '/rooms/{roomId}': {
        parameters: [{ name: 'roomId', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getRoom',
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Room' } } } } },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: { Room: { type: 'object', properties: { id: { type: 'string' } } } },
    },
  };
}

describe('the minimal spec', () => {
  it('renders', () => {
    const spec = minimalSpec();
    expect(renderOperations(spec, acme)).toContain('export const getRoom = /* @__PURE__ */ defineOperation<AcmeClient, GetRoomArgs, GetRoomResult>');
    expect(renderClient(spec, acme)).toContain("export const ACME_BASE_URL = 'https://api.acme.example';");
    expect(renderSchemas(spec, acme)).toContain("export type Room = components['schemas']['Room'];");
  });
});

describe('what a spec asks of the request', () => {
  /** The minimal spec with a token endpoint: a form body, no security. */
  function tokenSpec(mediaType = 'application/x-www-form-urlencoded'): Spec {
    const spec = minimalSpec();
    spec.paths['/token'] = {
      post: {
        operationId: 'requestToken',
        security: [],
        requestBody: { required: true, content: { [mediaType]: { schema: { type: 'object', properties: { grant_type: { type: 'string' } } } } } },
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    };
    return spec;
  }

  it('sends a form body as such, and an operation with `security: []` without credentials', () => {
    const rendered = renderOperations(tokenSpec(), acme);
    expect(rendered).toContain("  anonymous: true,\n  mediaType: 'application/x-www-form-urlencoded',\n});");
    expect(operationsOf(tokenSpec()).map((op) => op.anonymous)).toEqual([false, true]);
    expect(renderOperations(minimalSpec(), acme)).not.toMatch(/anonymous|mediaType/);
  });

  it('refuses a body it cannot send', () => {
    expect(() => renderOperations(tokenSpec('multipart/form-data'), acme)).toThrow('codegen: POST /token takes only multipart/form-data; the client sends JSON and form-encoded bodies');
  });

  it('gives one credential form for an oauth2 scheme describing how to get the bearer token', () => {
    const spec = minimalSpec();
    spec.components.securitySchemes.oauth2 = { type: 'oauth2', flows: { password: { tokenUrl: '/token', scopes: {} } } };
    spec.security.push({ oauth2: [] });
    expect(credentialSchemes(spec).map(({ key }) => key)).toEqual(['bearerAuth']);
    expect(renderClient(spec, acme)).toContain('export type AcmeCredentials = { token: string };');
  });
});

describe('refusals', () => {
  it('refuses an operation without an operationId, naming it', () => {
    const spec = minimalSpec();
    delete spec.paths['/rooms/{roomId}'].get.operationId;
    expect(() => operationsOf(spec)).toThrow('GET /rooms/{roomId} has no operationId');
    expect(() => renderOperations(spec, acme)).toThrow(/has no operationId/);
  });

  it('refuses an operationId that cannot name a function', () => {
    const spec = minimalSpec();
    spec.paths['/rooms/{roomId}'].get.operationId = 'get-room';
    expect(() => renderOperations(spec, acme)).toThrow('operationId "get-room" of GET /rooms/{roomId} is not a JavaScript identifier');
  });

  it.each([
    ['an API key in a query parameter', { type: 'apiKey', in: 'query', name: 'key' }],
    ['an API key in Authorization without a prefix', { type: 'apiKey', in: 'header', name: 'Authorization' }],
    ['an unknown HTTP scheme', { type: 'http', scheme: 'digest' }],
    ['mutual TLS', { type: 'mutualTLS' }],
  ])('refuses a security scheme it cannot send: %s', (_, scheme) => {
    const spec = minimalSpec();
    spec.components.securitySchemes.bearerAuth = scheme;
    expect(() => credentialSchemes(spec)).toThrow(/security scheme bearerAuth .* is not supported/);
    expect(() => renderClient(spec, acme)).toThrow(/is not supported/);
  });

  it('accepts an API key in Authorization with the prefix the client sends', () => {
    const spec = minimalSpec();
    const credential = { prefix: 'Key', option: 'key' };
    spec.components.securitySchemes.bearerAuth = { type: 'apiKey', in: 'header', name: 'Authorization', 'x-parley-credential': credential };
    expect(credentialSchemes(spec)).toEqual([{ key: 'bearerAuth', description: undefined, form: { kind: 'prefixed', ...credential } }]);
  });

  it('refuses a schema whose name an operation alias also takes', () => {
    const spec = minimalSpec();
    spec.components.schemas.GetRoomPath = { type: 'string' };
    expect(() => renderOperations(spec, acme)).toThrow('codegen: GetRoomPath would be declared twice; rename the schema or the operation');
  });

  it('refuses two operations whose aliases collide', () => {
    const spec = minimalSpec();
    spec.paths['/rooms'] = { get: { operationId: 'GetRoom', responses: { '200': { description: 'OK' } } } };
    expect(() => renderOperations(spec, acme)).toThrow(/GetRoom\w+ would be declared twice/);
  });

  it('gives a schema named like a JavaScript global the vendor name first', () => {
    const spec = minimalSpec();
    spec.components.schemas.Error = { type: 'object' };
    expect(renderSchemas(spec, acme)).toContain("export type AcmeError = components['schemas']['Error'];");
  });

  it('refuses a schema name that is not an identifier', () => {
    const spec = minimalSpec();
    spec.components.schemas['Room-Status'] = { type: 'string' };
    expect(() => renderSchemas(spec, acme)).toThrow('codegen: schema Room-Status is not a TypeScript identifier');
  });

  it('refuses a spec without servers', () => {
    const spec = minimalSpec();
    spec.servers = [];
    expect(() => renderClient(spec, acme)).toThrow(/lists no servers/);
  });

  it('refuses a $ref that leaves the document', () => {
    const spec = minimalSpec();
    spec.paths['/rooms/{roomId}'].parameters = [{ $ref: 'common.yaml#/parameters/roomId' }];
    expect(() => operationsOf(spec)).toThrow('codegen: only local $refs are supported, got common.yaml#/parameters/roomId');
  });
});
