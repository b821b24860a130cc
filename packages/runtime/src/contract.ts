// `@parley/runtime/contract`: checks one answer against what the spec documents for its operation.
// The validators are compiled from each spec at build time (tools/codegen/contract.mjs, Ajv
// standalone) into `@parley/<vendor>/contract`; this entry holds what they share. Nothing here is
// imported by a client unless it validates responses: it is its own entry and its own chunk.
// It also carries the check a validating client runs, so that one chunk brings both.
export { validateResponses, type ContractModule } from './validate-responses.js';

/**
 * The formats whose Ajv definitions are functions (those that are regular expressions Ajv writes into
 * the generated code), as ES modules: ajv-formats is CommonJS, which bundlers would wrap in interop
 * helpers that every client, validating or not, then loads. tools/codegen/contract.mjs refuses a
 * spec format missing here.
 */
export const formats = {
  'date-time': { validate: isDateTime },
  int32: { type: 'number', validate: (value: number) => Number.isInteger(value) && value <= 2147483647 && value >= -2147483648 },
  int64: { type: 'number', validate: Number.isInteger },
};

const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:[Zz]|[+-](\d\d):(\d\d))$/;

/** RFC 3339's `date-time`, as JSON Schema defines the format: a real calendar day and time of day, and an offset. */
function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  // An offset of `Z` leaves the last two groups unmatched: 0.
  const [, year, month, day, hour, minute, second, offsetHour, offsetMinute] = match.map((part) => Number(part ?? 0)) as number[];
  const leap = year! % 4 === 0 && (year! % 100 !== 0 || year! % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month! - 1];
  // A leap second (:60) is allowed as RFC 3339 allows it; offsets up to 23:59.
  return days !== undefined && day! >= 1 && day! <= days && hour! <= 23 && minute! <= 59 && second! <= 60 && offsetHour! <= 23 && offsetMinute! <= 59;
}

/** An Ajv standalone validator: `errors` holds the last call's failures. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly CompiledError[] | null;
}

/** The part of an Ajv error a violation is made of (never the data itself). */
export interface CompiledError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface HeaderContract {
  required: boolean;
  /** The schema's type: how the header's text is read before it is validated. */
  type?: string;
  validate: CompiledValidator;
}

export interface ResponseContract {
  /** The media types the spec documents for this status; empty: an answer without a body. */
  mediaTypes: readonly string[];
  /** Validates the body (JSON media types only). */
  body?: CompiledValidator;
  /** By lower-case name. */
  headers: Readonly<Record<string, HeaderContract>>;
}

export interface OperationContract {
  operationId: string;
  /** Upper case. */
  method: string;
  /** The spec's path template, e.g. `/chats/{chatId}`. */
  path: string;
  /** By status as the spec writes it: `200`, `4XX`, `default`. */
  responses: Readonly<Record<string, ResponseContract>>;
}

/** A vendor's documented answers, per operationId, as generated from its spec. */
export interface Contract {
  provider: string;
  operations: Readonly<Record<string, OperationContract>>;
}

/** One way an answer departs from the spec. Holds no value of the answer: safe to log. */
export interface ContractViolation {
  provider: string;
  operationId: string;
  status: number;
  /** What broke: the status line, a header, or the body (its media type included). */
  in: 'status' | 'header' | 'body';
  /** A JSON Pointer into the body (`/results/0/status`; for `required`, the missing member), or the header's lower-case name. */
  path: string;
  /** The JSON Schema keyword broken (`required`, `enum`, `type`, `format`, …), or `status`, `media-type`, `json`, `no-body`, `body`, `undocumented-header`. */
  rule: string;
  /** What the spec expects, in words, without the answer's values. */
  message: string;
}

/** An answer as read off the wire. */
export interface AnswerToCheck {
  status: number;
  /** Lower-case names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body's text; empty or undefined when there was none. */
  body: string | undefined;
}

export interface CheckOptions {
  /** Also report response headers that neither the spec nor HTTP itself defines (the proxy does; clients do not). */
  undocumentedHeaders?: boolean;
}

/** The operation a request was for, by method and the spec's path template. */
export function operationFor(contract: Contract, method: string, path: string): OperationContract | undefined {
  const upper = method.toUpperCase();
  for (const operation of Object.values(contract.operations)) if (operation.method === upper && operation.path === path) return operation;
  return undefined;
}

/** The spec's entry for a status: exact, then its class (`4XX`), then `default`. */
export function responseFor(operation: OperationContract, status: number): ResponseContract | undefined {
  const { responses } = operation;
  return responses[status] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}

const mediaEssence = (value: string | undefined) => (value ?? '').split(';', 1)[0]!.trim().toLowerCase();
const isJsonType = (type: string) => type === 'application/json' || /^application\/[^;]*\+json$/.test(type);

/** Whether `actual` is one of the documented media types (`application/*` and `*\/*` ranges included). */
function documentedMediaType(documented: readonly string[], actual: string): boolean {
  return documented.some((type) => {
    const expected = mediaEssence(type);
    if (expected === actual || expected === '*/*') return true;
    return expected.endsWith('/*') && actual.startsWith(expected.slice(0, -1));
  });
}

/** Every way the answer departs from what the spec documents for `operationId`: empty when it conforms. */
export function checkAnswer(contract: Contract, operationId: string, answer: AnswerToCheck, options: CheckOptions = {}): ContractViolation[] {
  const { status } = answer;
  const found: ContractViolation[] = [];
  const violation = (where: ContractViolation['in'], path: string, rule: string, message: string) =>
    found.push({ provider: contract.provider, operationId, status, in: where, path, rule, message });
  const operation = contract.operations[operationId];
  if (!operation) {
    violation('status', '', 'operation', `the spec has no operation ${operationId}`);
    return found;
  }
  const response = responseFor(operation, status);
  if (!response) {
    violation('status', '', 'status', `HTTP ${status} is not documented; the spec lists ${Object.keys(operation.responses).join(', ')}`);
    return found;
  }
  checkHeaders(response, answer.headers, options, violation);

  const text = answer.body ?? '';
  const contentType = mediaEssence(answer.headers['content-type']);
  if (!response.mediaTypes.length) {
    if (text) violation('body', '', 'no-body', `the spec documents HTTP ${status} without a body`);
    return found;
  }
  if (!text) {
    // A 204 or 304 never carries one, whatever the spec says (callers pass no body for a HEAD).
    if (status !== 204 && status !== 304) violation('body', '', 'body', `the spec documents a body (${response.mediaTypes.join(', ')}); the answer has none`);
    return found;
  }
  if (!documentedMediaType(response.mediaTypes, contentType)) {
    violation('body', '', 'media-type', `content-type ${contentType || '(none)'} is not documented; the spec lists ${response.mediaTypes.join(', ')}`);
    if (!isJsonType(contentType)) return found;
  }
  if (!response.body || !isJsonType(contentType)) return found;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    violation('body', '', 'json', 'the body is not valid JSON');
    return found;
  }
  if (!response.body(data)) for (const error of failuresOf(response.body)) violation('body', pointerOf(error), error.keyword, messageOf(error));
  return found;
}

// Headers every HTTP answer may carry (RFC 9110/9111/9112, CORS, common infrastructure): never drift.
const HTTP_HEADERS = new Set(
  'accept-ranges age allow alt-svc cache-control connection content-encoding content-language content-length content-location content-range content-security-policy content-type date etag expires keep-alive last-modified link location pragma proxy-authenticate retry-after server set-cookie strict-transport-security trailer transfer-encoding upgrade vary via warning www-authenticate x-content-type-options x-frame-options x-xss-protection referrer-policy permissions-policy cross-origin-opener-policy cross-origin-resource-policy cross-origin-embedder-policy nel report-to x-powered-by x-request-id x-correlation-id traceparent tracestate cf-ray cf-cache-status x-cache x-amz-cf-id x-amz-cf-pop x-amzn-requestid x-amzn-trace-id x-served-by x-timer'.split(' '),
);
const isHttpHeader = (name: string) => HTTP_HEADERS.has(name) || name.startsWith('access-control-') || name.startsWith('sec-');

function checkHeaders(response: ResponseContract, headers: AnswerToCheck['headers'], options: CheckOptions, violation: (where: 'header', path: string, rule: string, message: string) => void) {
  for (const [name, header] of Object.entries(response.headers)) {
    const text = headers[name];
    if (text === undefined) {
      if (header.required) violation('header', name, 'required', `the spec requires header ${name}`);
      continue;
    }
    if (!header.validate(headerValue(text, header.type))) {
      for (const error of failuresOf(header.validate)) violation('header', name, error.keyword, `header ${name} ${messageOf(error)}`);
    }
  }
  if (!options.undocumentedHeaders) return;
  for (const name of Object.keys(headers)) {
    if (headers[name] !== undefined && !(name in response.headers) && !isHttpHeader(name)) violation('header', name, 'undocumented-header', `the spec does not document header ${name}`);
  }
}

/** A header's text read as its schema's type, so that `Retry-After: 30` meets `type: integer`. */
function headerValue(text: string, type: string | undefined): unknown {
  if ((type === 'integer' || type === 'number') && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Why a validator said no: its relevant errors, or one saying so when it gave none. */
function failuresOf(validate: CompiledValidator): CompiledError[] {
  const errors = relevantErrors(validate.errors ?? []);
  return errors.length ? errors : [{ instancePath: '', schemaPath: '#', keyword: 'schema', params: {}, message: 'does not match its schema' }];
}

/** Where an error points: for `required`, the missing member; for `additionalProperties`, the extra one. */
function pointerOf(error: CompiledError): string {
  const escape = (key: unknown) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');
  if (error.keyword === 'required') return `${error.instancePath}/${escape(error.params.missingProperty)}`;
  if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
    return `${error.instancePath}/${escape(error.params.additionalProperty ?? error.params.unevaluatedProperty)}`;
  }
  return error.instancePath;
}

/** Ajv's message, with what the spec allows when that is the point (enum values come from the spec, not the answer). */
function messageOf(error: CompiledError): string {
  const message = error.message ?? `breaks ${error.keyword}`;
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) return `${message}: ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  return message;
}

/**
 * The errors worth reporting. A failed `oneOf`/`anyOf` comes after its branches' errors (Ajv checks
 * branches in order); those are the errors just before it at or under its location. Branches whose
 * very type is wrong there (`type: 'null'` for an object) are set aside, and what the others say is
 * kept instead of the union's own summary; when every branch has the wrong type, one `type` error
 * names them all. Ajv's schema paths cannot tell branches apart across `$ref`s, so order does.
 */
export function relevantErrors(errors: readonly CompiledError[]): CompiledError[] {
  const kept: CompiledError[] = [];
  const within = (error: CompiledError, at: string) => error.instancePath === at || error.instancePath.startsWith(`${at}/`);
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      kept.push(error);
      continue;
    }
    let first = kept.length;
    while (first > 0 && within(kept[first - 1]!, error.instancePath)) first--;
    const branches = kept.splice(first);
    const wrongType = (candidate: CompiledError) => candidate.keyword === 'type' && candidate.instancePath === error.instancePath;
    const closer = branches.filter((candidate) => !wrongType(candidate));
    if (closer.length) kept.push(...closer);
    else if (branches.length) kept.push({ ...error, keyword: 'type', message: `must be ${[...new Set(branches.map((candidate) => String(candidate.params.type)))].join(' or ')}` });
    else kept.push(error); // more than one branch matched a oneOf
  }
  return kept;
}

/** Counts code points as JSON Schema's length keywords do; Ajv's standalone code calls it for `minLength`/`maxLength`. */
export function ucs2length(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
