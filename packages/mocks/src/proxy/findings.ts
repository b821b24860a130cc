// Drift findings from what was checked: Prism's verdict on the request (its violations) and
// checkAnswer's on the upstream's answer (ContractViolation), each with a pointer, the rule broken
// and the offending value, redacted (redact.ts).
import type { IncomingHttpHeaders } from 'node:http';
import type { ContractViolation } from '@parley/runtime/contract';
import type { DriftFinding, Violation } from '../public-types.js';
import { redactExample, redactHeader, redactString } from './redact.js';

/** A finding before the request's particulars (time, vendor, operation, method, path, status) are added. */
export type Finding = Pick<DriftFinding, 'in' | 'pointer' | 'rule' | 'message' | 'example'>;

/** What is scrubbed from every example: the request's credentials, and the names of the spec's API-key headers. */
export interface Scrub {
  secrets: readonly string[];
  credentialHeaders: readonly string[];
}

/** The request as its findings read it. */
export interface SeenRequest {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  /** Path parameters by the spec's names. */
  params: Readonly<Record<string, string>>;
  /** The parsed body; undefined without one. */
  body: unknown;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (segments: readonly string[]) => segments.map((s) => `/${escape(s)}`).join('');
const segmentsOf = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let here = root;
  for (const segment of segments) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[segment];
  }
  return here;
}

/** The member name a value sits under (an array item's is its array's). */
const nameOf = (segments: readonly string[]) => [...segments].reverse().find((s) => !/^\d+$/.test(s));

const example = (value: unknown, segments: readonly string[], scrub: Scrub): Pick<Finding, 'example'> => {
  if (value === undefined) return {};
  const name = nameOf(segments);
  return { example: redactExample(value, { secrets: scrub.secrets, ...(name !== undefined ? { name } : {}) }) };
};

// Prism reports some refusals by their status: the rule they break, in words.
const RULE_OF_CODE: Record<string, string> = { 401: 'security', 403: 'security', 406: 'accept', 415: 'media-type', 422: 'body' };
const COMPOSITE = new Set(['anyOf', 'oneOf', 'allOf', 'if']);

/** Prism's request violations (`sl-violations`, the credential check's) as findings. */
export function requestFindings(violations: readonly Violation[], request: SeenRequest, scrub: Scrub): Finding[] {
  // A failed `anyOf` only repeats what its branches said more precisely.
  const specific = violations.filter((v) => !COMPOSITE.has(String(v.code)));
  return (specific.length ? specific : violations).map((violation) => {
    const [, where = '', ...rest] = violation.location;
    const code = String(violation.code);
    const rule = RULE_OF_CODE[code] ?? code;
    const finding = (segments: readonly string[], shown?: Pick<Finding, 'example'>): Finding => ({ in: 'request', pointer: pointerOf(segments), rule, message: violation.message, ...shown });
    if (where === 'body') {
      // Prism points a `required` (or `additionalProperties`) at the object; the finding names the member.
      const member = /(?:required property|found) '([^']+)'/.exec(violation.message)?.[1];
      const named = member !== undefined && (rule === 'required' || rule === 'additionalProperties');
      const at = named ? [...rest, member] : rest;
      const shown = rule === 'required' ? rest : at;
      return finding(['body', ...at], example(valueAt(request.body, shown), shown, scrub));
    }
    const name = rest[0] ?? '';
    if (where === 'query') {
      const values = request.query.getAll(name);
      return finding([where, name], values.length ? example(values.length === 1 ? values[0] : values, [name], scrub) : {});
    }
    if (where === 'path') {
      // Prism's own 422 names path parameters in lower case.
      const key = Object.keys(request.params).find((k) => k.toLowerCase() === name.toLowerCase());
      return key ? finding([where, key], example(request.params[key], [key], scrub)) : finding([where, name]);
    }
    if (where === 'header') {
      const value = request.headers[name.toLowerCase()];
      const text = Array.isArray(value) ? value.join(', ') : value;
      return finding([where, name.toLowerCase()], text !== undefined ? { example: redactHeader(name, text, scrub.secrets, scrub.credentialHeaders) } : {});
    }
    return finding([where, name].filter(Boolean));
  });
}

/** A request to a path or method the spec does not have. */
export function unknownOperation(method: string, path: string): Finding {
  return { in: 'request', pointer: '', rule: 'operation', message: `the spec has no operation ${method} ${path}` };
}

/** The upstream's answer as its findings read it. */
export interface SeenAnswer {
  /** Lower-case names, a repeated header's values joined. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The decoded body's text. */
  text: string;
}

/** checkAnswer's violations as findings, each with the offending part of the answer. */
export function answerFindings(violations: readonly ContractViolation[], answer: SeenAnswer, scrub: Scrub): Finding[] {
  let parsed: { value: unknown } | undefined;
  const body = () => {
    if (!parsed) {
      try {
        parsed = { value: JSON.parse(answer.text) as unknown };
      } catch {
        parsed = { value: undefined };
      }
    }
    return parsed.value;
  };
  return violations.map(({ in: where, path, rule, message }) => {
    const base = { in: where, pointer: path, rule, message };
    if (where === 'status') return base;
    if (where === 'header') {
      const value = answer.headers[path];
      return value === undefined ? base : { ...base, example: redactHeader(path, value, scrub.secrets, scrub.credentialHeaders) };
    }
    if (rule === 'media-type') return answer.headers['content-type'] === undefined ? base : { ...base, example: answer.headers['content-type'] };
    if (rule === 'json' || rule === 'no-body') return { ...base, example: redactString(answer.text, scrub.secrets) };
    if (rule === 'body') return base;
    // A schema keyword: the value at the pointer; for `required`, the object that lacks the member.
    const segments = segmentsOf(path);
    const shown = rule === 'required' ? segments.slice(0, -1) : segments;
    return { ...base, ...example(valueAt(body(), shown), shown, scrub) };
  });
}

/** An answer whose body could not be decoded for the check. */
export function undecodable(reason: string): Finding {
  return { in: 'body', pointer: '', rule: 'content-encoding', message: reason };
}
