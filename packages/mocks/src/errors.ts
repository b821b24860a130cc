// Honest errors. Prism refuses a request that breaks the spec with the spec's 400/422, but with
// the response's first canned example ("Participants cannot exit a direct chat." for any mistake),
// the real reason only in its `sl-violations` header. Here the front rewrites that answer in the
// vendor's own error shape, read from the spec's documented error example, naming the violations
// (which field, which rule). And a `Prefer` asking for a response the operation does not document
// gets a clear mock error, not Prism's 404 that passes for the vendor's not-found.
import { STATUS_CODES } from 'node:http';
import type { Violation } from './journal.js';
import { isJson, type OperationModel, type ResponseModel } from './operations.js';

/** Header on every answer the mock gives about itself rather than as the vendor. */
export const MOCK_ERROR_HEADER = 'parley-mock-error';

/**
 * The request violations of Prism's answer: its `sl-violations` header, or the body of Prism's own
 * 422 (no validation response in the spec). Undefined for an answer that reports none.
 */
export function requestViolations(slViolations: string | undefined, contentType: string | undefined, body: Buffer): Violation[] | undefined {
  let found: Violation[] | undefined;
  if (slViolations) {
    try {
      found = (JSON.parse(slViolations) as Violation[]).filter((v) => v.location?.[0] === 'request' && v.severity !== 'Warning');
    } catch {
      return undefined;
    }
  } else if (contentType?.startsWith('application/problem+json') && body.length) {
    try {
      const problem = JSON.parse(body.toString('utf8')) as { type?: string; validation?: Violation[] };
      if (problem.type?.endsWith('#UNPROCESSABLE_ENTITY') && Array.isArray(problem.validation)) {
        found = problem.validation.map((v) => ({ ...v, location: ['request', ...v.location] }));
      }
    } catch {
      return undefined;
    }
  }
  return found?.length ? found : undefined;
}

/** One violation as an app developer reads it: the field and what is wrong with it. */
export interface FieldError {
  /** `muted`, `contact.id`, `[0].contact.id`, a query or path parameter's name, or `body` for the body as a whole. */
  field: string;
  /** `must be boolean` */
  message: string;
  /** The JSON Schema rule that failed (`type`, `required`, `enum`…). */
  rule: string;
  /** Where: body, query, path, header. */
  in: string;
  /** The value sent, for a body field or parameter; null when missing. */
  value: unknown;
}

const COMPOSITE = new Set(['anyOf', 'oneOf', 'allOf', 'if']);

/** The violations as field errors: each field once per message, composite noise dropped. */
export function fieldErrors(violations: readonly Violation[], request: { body: unknown; query: URLSearchParams; params: Record<string, string> }): FieldError[] {
  // `anyOf` failing at the body root only repeats what its branches said more precisely.
  const specific = violations.filter((v) => !COMPOSITE.has(String(v.code)));
  const chosen = specific.length ? specific : violations;
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const violation of chosen) {
    const error = fieldError(violation, request);
    const key = `${error.field}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(error);
  }
  return errors;
}

function fieldError(violation: Violation, request: { body: unknown; query: URLSearchParams; params: Record<string, string> }): FieldError {
  const [, where = 'request', ...rest] = violation.location;
  const rule = String(violation.code);
  let message = violation.message.replace(/^Request (?:body(?: property \S+)?|(?:query|path) parameter \S+|header \S+) /i, '').replace(/, $/, '');
  const segments = [...rest];
  const named = /(?:required property|found) '([^']+)'/.exec(message)?.[1];
  if (where === 'body' && named && (rule === 'required' || rule === 'additionalProperties')) {
    segments.push(named);
    message = rule === 'required' ? 'is required' : 'is not a property the spec allows here';
  }
  if (where === 'path') {
    // Prism's own 422 names path parameters in lower case; the spec's name reads better.
    const name = Object.keys(request.params).find((key) => key.toLowerCase() === segments[0]?.toLowerCase());
    if (name) segments[0] = name;
  }
  let field: string;
  let value: unknown = null;
  if (where === 'body') {
    field = segments.length ? segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i ? `.${s}` : s)).join('') : 'body';
    value = segments.length ? valueAt(request.body, segments) : (request.body ?? null);
  } else if (where === 'query') {
    field = segments[0] ?? 'query';
    value = request.query.get(field);
  } else if (where === 'path') {
    field = segments[0] ?? 'path';
    value = request.params[field] ?? null;
  } else {
    field = segments[0] ?? (rule === '415' ? 'content-type' : where);
  }
  return { field, message, rule, in: where, value };
}

function valueAt(body: unknown, path: readonly string[]): unknown {
  let here: unknown = body;
  for (const segment of path) {
    if (here === null || typeof here !== 'object') return null;
    here = (here as Record<string, unknown>)[segment];
  }
  return here === undefined ? null : here;
}

/** A JSON body the front answers with. */
export interface JsonAnswer {
  mediaType: string;
  body: unknown;
}

/**
 * The vendor's error for a refused request, in the shape of the spec's documented error example
 * for `status` (this operation's, else any operation's, else another 4xx of this operation), with
 * the field errors filled in. Undefined when the spec shows no JSON error example to follow.
 */
export function honestError(status: number, errors: readonly FieldError[], operation: OperationModel, operations: readonly OperationModel[]): JsonAnswer | undefined {
  const code = String(status);
  const withExample = (r: ResponseModel | undefined) => (r && isJson(r.mediaType) && r.example !== null && typeof r.example === 'object' && !Array.isArray(r.example) ? r : undefined);
  const own = withExample(operation.responses.find((r) => r.code === code));
  const template =
    own ??
    operations.map((o) => withExample(o.responses.find((r) => r.code === code))).find(Boolean) ??
    operation.responses.filter((r) => r.code.startsWith('4') && r.code !== '401').map(withExample).find(Boolean);
  if (!template) return undefined;
  const sameStatus = template.code === code;
  const example = template.example as Record<string, unknown>;
  const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return { mediaType: template.mediaType!, body: fill(example, { status, sameStatus, errors, summary }) };
}

interface Filling {
  status: number;
  sameStatus: boolean;
  errors: readonly FieldError[];
  summary: string;
}

/** The shapes error examples take, told apart by their members; each filled its own way. */
function fill(example: Record<string, unknown>, f: Filling): Record<string, unknown> {
  const reason = STATUS_CODES[f.status] ?? 'Error';
  // RFC 9457 problem details (ASP.NET): `errors` maps each field to its messages.
  if ('title' in example && ('status' in example || 'type' in example)) {
    const errors: Record<string, string[]> = {};
    for (const e of f.errors) (errors[e.field] ??= []).push(e.message);
    return {
      ...example,
      type: f.sameStatus ? example.type : 'about:blank',
      title: f.sameStatus ? example.title : reason,
      status: f.status,
      detail: f.sameStatus && typeof example.detail === 'string' ? example.detail : 'One or more validation errors occurred.',
      errors,
    };
  }
  // An envelope with a list of property errors (Nexudus: `Message`, `Errors[]`, `WasSuccessful`).
  const errorsKey = Object.keys(example).find((key) => /^errors$/i.test(key));
  const messageKey = Object.keys(example).find((key) => /^message$/i.test(key));
  const successKey = Object.keys(example).find((key) => /^wassuccessful$/i.test(key));
  if (errorsKey && messageKey && (successKey || Array.isArray(example[errorsKey]))) {
    const item = (Array.isArray(example[errorsKey]) ? (example[errorsKey] as unknown[])[0] : undefined) as Record<string, unknown> | undefined;
    const keys = item && typeof item === 'object' ? Object.keys(item) : ['AttemptedValue', 'Message', 'PropertyName'];
    const pick = (pattern: RegExp, fallback: string) => keys.find((key) => pattern.test(key)) ?? fallback;
    const [valueKey, textKey, fieldKey] = [pick(/value/i, 'AttemptedValue'), pick(/message/i, 'Message'), pick(/property|field|name/i, 'PropertyName')];
    return {
      ...example,
      ...('Status' in example ? { Status: f.status } : {}),
      [messageKey]: f.summary,
      ...('Value' in example ? { Value: null } : {}),
      [errorsKey]: f.errors.map((e) => ({ [valueKey]: e.value, [textKey]: e.message, [fieldKey]: e.field })),
      ...(successKey ? { [successKey]: false } : {}),
    };
  }
  // A code, a message and free-form details (Bird): details map each field to what is wrong.
  if (typeof example.code === 'string' && typeof example.message === 'string') {
    const details: Record<string, string> = {};
    for (const e of f.errors) details[e.field] = details[e.field] ? `${details[e.field]}; ${e.message}` : e.message;
    return { ...example, code: f.sameStatus ? example.code : reason.replace(/[^A-Za-z]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./, (c) => c.toUpperCase()), message: f.summary, details };
  }
  // Any other shape: its first message-like text says what is wrong, the rest stays as documented.
  const textKey = Object.keys(example).find((key) => /message|detail|description/i.test(key) && typeof example[key] === 'string');
  return textKey ? { ...example, [textKey]: f.summary } : example;
}

/** What a `Prefer` header asks of Prism: `code=404`, `example=name`, `dynamic=true`. */
export interface Preference {
  code?: string;
  example?: string;
  dynamic?: boolean;
}

export function parsePrefer(header: string | undefined): Preference | undefined {
  if (!header) return undefined;
  const preference: Preference = {};
  for (const part of header.split(/[,;]/)) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim().toLowerCase();
    const value = part.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
    if (name === 'code') preference.code = value;
    else if (name === 'example') preference.example = value;
    else if (name === 'dynamic') preference.dynamic = value === 'true';
  }
  return preference;
}

/** Whether the request forces Prism's answer (a QA engineer asking for a response), which the state must not replace. */
export const forcesAnswer = (preference: Preference | undefined) => Boolean(preference && (preference.code !== undefined || preference.example !== undefined || preference.dynamic));

/**
 * A mock error for a `Prefer` asking for a response the operation does not document: Prism would
 * answer 404, which an app takes for the vendor's own not-found.
 */
export function undocumentedPreference(operation: OperationModel, preference: Preference): { status: number; headers: Record<string, string>; body: string } | undefined {
  const codes = operation.responses.map((r) => r.code);
  let problem: string | undefined;
  let documented: string[] = codes;
  if (preference.code !== undefined && !codes.includes(preference.code)) {
    problem = `${operation.operationId} documents no response ${preference.code}; it documents ${codes.join(', ')}`;
  } else if (preference.example !== undefined) {
    const response = preference.code !== undefined ? operation.responses.find((r) => r.code === preference.code) : lowestSuccess(operation);
    documented = response?.examples ?? [];
    if (!documented.includes(preference.example)) {
      problem = `${operation.operationId} documents no example "${preference.example}" for its ${response?.code ?? 'success'} response; ${documented.length ? `it documents ${documented.join(', ')}` : 'that response has no named example'}`;
    }
  }
  if (!problem) return undefined;
  const body = { title: 'Not documented', status: 400, detail: `the mock: ${problem}`, operationId: operation.operationId, documented };
  return { status: 400, headers: { 'content-type': 'application/json', [MOCK_ERROR_HEADER]: 'true' }, body: JSON.stringify(body) };
}

function lowestSuccess(operation: OperationModel): ResponseModel | undefined {
  return operation.responses.filter((r) => /^2\d\d$/.test(r.code)).sort((a, b) => Number(a.code) - Number(b.code))[0];
}
