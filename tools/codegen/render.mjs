// Renders a vendor package's generated TypeScript (next to openapi-typescript's `openapi.ts`) from
// its spec: one function per operation, type aliases, and the client factory. Pure: spec and
// registry entry in, file contents out, so a snapshot test can show exactly what it emits.
import { doc, isIdentifier, literal, pascal } from './names.mjs';
import { operationsOf, resolve } from './spec.mjs';

const banner = (vendor) => `// Generated from specs/${vendor.id}/openapi.yaml by tools/codegen. Do not edit.\n`;
const MEDIA = '`${string}/${string}`';

/** `export type X = components['schemas']['X']` for each schema; a name JavaScript already uses (`Error`) gets the vendor's name first. */
export function schemaAliases(spec, vendor) {
  return Object.keys(spec.components?.schemas ?? {}).map((schema) => {
    if (!isIdentifier(schema)) throw new Error(`codegen: schema ${schema} is not a TypeScript identifier`);
    return { schema, alias: schema in globalThis ? `${vendor.name}${schema}` : schema };
  });
}

export function renderSchemas(spec, vendor) {
  const lines = schemaAliases(spec, vendor).map(({ schema, alias }) => {
    const description = resolve(spec, spec.components.schemas[schema]).description?.split('\n\n')[0];
    return `${doc([description])}export type ${alias} = components['schemas'][${literal(schema)}];`;
  });
  return `${banner(vendor)}import type { components } from './openapi.js';\n\n${lines.join('\n')}\n`;
}

export function renderOperations(spec, vendor) {
  const taken = new Set(schemaAliases(spec, vendor).map(({ alias }) => alias));
  const errorBodies = [];
  const blocks = operationsOf(spec).map((op) => {
    const name = pascal(op.operationId);
    const ref = `operations[${literal(op.operationId)}]`;
    const types = [];
    const alias = (suffix, type, comment) => {
      const id = `${name}${suffix}`;
      if (taken.has(id)) throw new Error(`codegen: ${id} would be declared twice; rename the schema or the operation`);
      taken.add(id);
      types.push(`${doc([comment])}export type ${id} = ${type};`);
      return id;
    };
    const args = [];
    if (op.path_) args.push(`path: ${alias('Path', `${ref}['parameters']['path']`, `Path parameters of \`${op.operationId}\`.`)}`);
    if (op.query) args.push(`query${op.query.required ? '' : '?'}: ${alias('Query', `NonNullable<${ref}['parameters']['query']>`, `Query parameters of \`${op.operationId}\`.`)}`);
    if (op.header) args.push(`header${op.header.required ? '' : '?'}: ${alias('Header', `NonNullable<${ref}['parameters']['header']>`, `Header parameters of \`${op.operationId}\`.`)}`);
    if (op.body) {
      checkBodyMediaType(op);
      const bodyType = `NonNullable<${ref}['requestBody']>['content'][${literal(op.body.mediaType)}]`;
      args.push(`body${op.body.required ? '' : '?'}: ${alias('Body', bodyType, `Request body of \`${op.operationId}\` (${op.body.mediaType}).`)}`);
    }
    const argsType = args.length ? `{ ${args.join('; ')} }` : 'Record<never, never>';
    const argsName = alias('Args', argsType, `What \`${op.operationId}\` takes after the client.`);
    const result = alias('Result', `FetchResponse<${ref}, {}, ${MEDIA}>`, `What \`${op.operationId}\` resolves to: openapi-fetch's \`{ data, error, response }\`.`);
    alias('Data', `DataOf<${result}>`, `The success body of \`${op.operationId}\`.`);
    errorBodies.push(alias('Error', `ErrorBodyOf<${result}>`, `The vendor's error body of \`${op.operationId}\`.`));
    const definition = [`operationId: ${literal(op.operationId)}`, `method: ${literal(op.method)}`, `path: ${literal(op.path)}`];
    if (op.idempotent !== undefined) definition.push(`idempotent: ${Boolean(op.idempotent)}`);
    if (op.noContent.length) definition.push(`noContent: [${op.noContent.join(', ')}]`);
    if (op.anonymous) definition.push('anonymous: true');
    if (op.body && !isJson(op.body.mediaType)) definition.push(`mediaType: ${literal(op.body.mediaType)}`);
    const comment = doc([
      `${op.summary ?? op.operationId}: \`${op.method.toUpperCase()} ${op.path}\`.`,
      op.idempotent ? 'Idempotent (`x-parley-idempotent`), so retried like GET.' : undefined,
      op.anonymous ? 'Sent without credentials (the spec\'s `security: []`), whatever the client holds.' : undefined,
      op.body && !isJson(op.body.mediaType) ? `The body is sent as \`${op.body.mediaType}\`.` : undefined,
      '',
      `\`${op.operationId}(client, args, options?)\` resolves to \`{ data, error, response }\`; \`${op.operationId}.orThrow(…)\` to the success body, or throws a \`ParleyError\`.`,
      op.deprecated ? '@deprecated The vendor deprecated this operation.' : undefined,
    ]);
    return `${types.join('\n')}\n${comment}export const ${op.operationId} = /* @__PURE__ */ defineOperation<${vendor.identifiers.client}, ${argsName}, ${result}>({\n  ${definition.join(',\n  ')},\n});`;
  });
  const errorBody = `${vendor.name}ErrorBody`;
  if (taken.has(errorBody)) throw new Error(`codegen: ${errorBody} would be declared twice; rename the schema or the operation`);
  blocks.push(`/** The error payload of any ${vendor.displayName} operation. */
export type ${errorBody} = ${errorBodies.join(' | ') || 'never'};
/**
 * Narrows a caught error to a \`ParleyError\` from a ${vendor.displayName} call (of \`code\`, when
 * given), its \`body\` typed as \`${errorBody}\`.
 */
export const is${vendor.name}Error = /* @__PURE__ */ vendorErrorGuard<${errorBody}>(${literal(vendor.id)});`);
  return `${banner(vendor)}import type { DataOf, ErrorBodyOf } from '@parley/runtime';
import { defineOperation, vendorErrorGuard } from '@parley/runtime/internal';
import type { FetchResponse } from 'openapi-fetch';
import type { ${vendor.identifiers.client} } from './client.js';
import type { operations } from './openapi.js';

${blocks.join('\n\n')}
`;
}

const isJson = (type) => /^application\/(.+\+)?json$/.test(type);

/**
 * A request body the client can send: JSON, or a form (`application/x-www-form-urlencoded`), which
 * openapi-fetch encodes from a flat object when the Content-Type says so. Others (multipart,
 * binary) would go out as JSON under a wrong Content-Type, so they are refused.
 */
function checkBodyMediaType(op) {
  const type = op.body.mediaType;
  if (type !== undefined && !isJson(type) && type !== 'application/x-www-form-urlencoded') {
    throw new Error(`codegen: ${op.method.toUpperCase()} ${op.path} takes only ${type}; the client sends JSON and form-encoded bodies`);
  }
}

/**
 * The spec's security schemes as the runtime's credential forms, in the order the spec prefers
 * them. Schemes that come down to the same form (an `oauth2` flow describing how to get the token
 * a `bearer` scheme sends) give one, the first.
 */
export function credentialSchemes(spec) {
  const schemes = spec.components?.securitySchemes ?? {};
  const order = [...new Set([...(spec.security ?? []).flatMap((requirement) => Object.keys(requirement)), ...Object.keys(schemes)])];
  const forms = order.map((key) => {
    const scheme = resolve(spec, schemes[key]);
    const custom = scheme['x-parley-credential'] ?? {};
    const description = scheme.description?.split('\n\n')[0].replace(/\s+/g, ' ').trim();
    if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') {
      return { key, description, form: { kind: 'basic', username: custom.username ?? 'username', password: custom.password ?? 'password' } };
    }
    if ((scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') {
      return { key, description, form: { kind: 'prefixed', option: custom.option ?? 'token', prefix: 'Bearer' } };
    }
    if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name.toLowerCase() === 'authorization' && custom.prefix) {
      return { key, description, form: { kind: 'prefixed', option: custom.option ?? 'apiKey', prefix: custom.prefix } };
    }
    throw new Error(`codegen: security scheme ${key} (${scheme.type} ${scheme.scheme ?? scheme.in ?? ''}) is not supported; ` +
      'an apiKey in Authorization needs `x-parley-credential: { prefix }`');
  });
  return forms.filter((scheme, i) => forms.findIndex((other) => JSON.stringify(other.form) === JSON.stringify(scheme.form)) === i);
}

export function renderClient(spec, vendor) {
  const { client, factory, constant, profile } = vendor.identifiers;
  const servers = spec.servers ?? [];
  if (!servers.length) throw new Error(`codegen: specs/${vendor.id}/openapi.yaml lists no servers; the first is the default baseUrl`);
  const schemes = credentialSchemes(spec);
  const optionsOf = (form) => (form.kind === 'basic' ? [form.username, form.password] : [form.option]);
  const forms = schemes.map(({ form }) => `{ ${optionsOf(form).map((option) => `${option}: string`).join('; ')} }`);
  const formDocs = schemes.map(({ form, description }) => `- \`{ ${optionsOf(form).join(', ')} }\`${description ? `: ${description}` : ''}`);
  const serverList = servers.map((s) => `  { url: ${literal(s.url)}${s.description ? `, description: ${literal(s.description.trim())}` : ''} },`);
  // Calls rather than data: a vendor without Basic authentication then bundles none of it.
  const schemeCalls = schemes.map(({ form }) => (form.kind === 'basic' ? `basicScheme(${literal(form.username)}, ${literal(form.password)})` : `prefixedScheme(${literal(form.option)}, ${literal(form.prefix)})`));
  const imports = [...new Set(['defineClient', ...schemeCalls.map((call) => call.slice(0, call.indexOf('(')))])].sort();
  return `${banner(vendor)}import type { ClientOptions } from '@parley/runtime';
import { ${imports.join(', ')} } from '@parley/runtime/internal';
import type { Client } from 'openapi-fetch';
import { ${profile} } from '../profile.js';
import type { paths } from './openapi.js';

/** The servers the spec lists; the first is the default \`baseUrl\`. */
export const ${constant}_SERVERS = [
${serverList.join('\n')}
] as const;
${doc([servers[0].description?.trim()])}export const ${constant}_BASE_URL = ${literal(servers[0].url)};

${doc([`The credentials the spec's security schemes accept${schemes.length > 1 ? ', one form or another' : ''}:`, ...formDocs])}export type ${vendor.name}Credentials = ${forms.join(' | ')};
export type ${client}Options = ${vendor.name}Credentials & ClientOptions;
/** The typed openapi-fetch client for ${vendor.docsTitle}. */
export type ${client} = Client<paths>;

/** Loads \`${vendor.clientPackage}/contract\` (the spec's answers, validators compiled): clients with \`validateResponses\` do, on their first request. */
export const load${vendor.name}Contract = () => import('./contract.js');

/** A ${vendor.displayName} client: credentials on every request, \`${constant}_BASE_URL\` unless \`baseUrl\` says otherwise. */
export const ${factory} = /* @__PURE__ */ defineClient<paths, ${client}Options>({
  profile: ${profile},
  baseUrl: ${constant}_BASE_URL,
  credentials: [${schemeCalls.join(', ')}],
  contract: load${vendor.name}Contract,
});
`;
}

export function renderIndex(vendor) {
  return `${banner(vendor)}export * from './client.js';
export * from './operations.js';
export * from './schemas.js';
export type { components, operations, paths } from './openapi.js';
`;
}
