// Prism checks only that an API-key header is there, so `Authorization: Bearer x` passes for a
// vendor that wants `AccessKey <key>`. A spec names the prefix its scheme takes in
// `x-parley-credential.prefix`; from it these rules let the mock front refuse such a request with
// the operation's documented 401, as the vendor would. Specs without a prefix get no rule.
import type { CannedResponse } from './front.js';
import { Router } from './router.js';

/** The parts of Prism's model of an operation (`@stoplight/types` IHttpOperation) read here. */
export interface PrismOperation {
  method: string;
  path: string;
  security?: PrismSecurityScheme[][];
  responses: {
    code: string;
    contents?: { mediaType: string; examples?: { key: string; value?: unknown }[] }[];
  }[];
}

interface PrismSecurityScheme {
  type: string;
  in?: string;
  name?: string;
  extensions?: { 'x-parley-credential'?: { prefix?: unknown } };
}

/** What the front needs to judge one operation's credentials; plain JSON, built in Prism's process. */
export interface CredentialRule {
  /** Upper case, as in the request line. */
  method: string;
  /** The spec's path template: `/rooms/{roomId}`. */
  path: string;
  /**
   * The `Authorization` schemes the operation accepts, any one of them (`AccessKey`); none when
   * Prism alone judges its credentials.
   */
  schemes: string[];
  /** The operation's 401 as the spec describes it (its first example, as JSON), when it has schemes. */
  unauthorized?: CannedResponse;
}

/**
 * One rule per operation (those without schemes too, so that a request is matched to the right
 * one): the prefixes when every security alternative of the operation names one.
 */
export function credentialRules(operations: readonly PrismOperation[]): CredentialRule[] {
  return operations.map((operation) => {
    const where = { method: operation.method.toUpperCase(), path: operation.path };
    const alternatives = operation.security ?? [];
    const schemes = alternatives.map((alternative) => alternative.map(authorizationPrefix).find((prefix) => prefix !== undefined));
    // An alternative without a known prefix (a header of another name, a scheme the spec does not
    // qualify) is for Prism alone to judge, and so is an operation open to everyone.
    if (!schemes.length || schemes.some((scheme) => scheme === undefined)) return { ...where, schemes: [] };
    return { ...where, schemes: schemes as string[], unauthorized: unauthorizedOf(operation) };
  });
}

function authorizationPrefix(scheme: PrismSecurityScheme): string | undefined {
  const prefix = scheme.extensions?.['x-parley-credential']?.prefix;
  if (typeof prefix !== 'string' || !prefix) return undefined;
  const inAuthorization = scheme.type === 'http' || (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name?.toLowerCase() === 'authorization');
  return inAuthorization ? prefix : undefined;
}

function unauthorizedOf(operation: PrismOperation): CannedResponse {
  const contents = operation.responses.find((response) => response.code === '401')?.contents ?? [];
  const content = contents.find((c) => /^application\/(.+\+)?json$/.test(c.mediaType)) ?? contents[0];
  const example = content?.examples?.find((e) => e.value !== undefined);
  // A 401 the spec documents without an example gets no body: nothing here makes one up.
  if (!content || !example) return { status: 401 };
  const body = typeof example.value === 'string' && !/json/.test(content.mediaType) ? example.value : JSON.stringify(example.value);
  return { status: 401, headers: { 'content-type': content.mediaType }, body };
}

/**
 * A front `intercept` that answers the operation's 401 to a request whose `Authorization` does not
 * carry one of the operation's schemes followed by a credential (`AccessKey <key>`), and lets
 * everything else through (unknown paths, CORS preflights, operations without a rule).
 */
export function credentialCheck(rules: readonly CredentialRule[]): (request: CheckedRequest) => CannedResponse | undefined {
  if (!rules.some((rule) => rule.schemes.length)) return () => undefined; // a spec without prefixes: nothing to check
  const router = new Router(rules);
  return (request) => {
    const route = router.route(request.method, request.url);
    return route ? credentialRefusal(route.operation, request.headers.authorization) : undefined;
  };
}

/** The operation's documented 401, saying why, when `authorization` lacks every scheme of its rule; else undefined. */
export function credentialRefusal(rule: CredentialRule, authorization: string | undefined): CannedResponse | undefined {
  if (!rule.unauthorized) return undefined;
  const given = authorization ?? '';
  const lower = given.toLowerCase();
  for (const scheme of rule.schemes) {
    const start = `${scheme.toLowerCase()} `;
    if (lower.startsWith(start) && given.slice(start.length).trim()) return undefined;
  }
  const expected = rule.schemes.map((scheme) => `'${scheme} <credential>'`).join(' or ');
  const violation = [{ location: ['request', 'header', 'authorization'], severity: 'Error', code: 401, message: `Authorization must be ${expected}` }];
  const { unauthorized } = rule;
  return { ...unauthorized, headers: { ...unauthorized.headers, 'sl-violations': JSON.stringify(violation) } };
}

/** The parts of a request (an IncomingMessage) the check reads. */
export interface CheckedRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: { authorization?: string | undefined };
}
