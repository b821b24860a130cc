// What the state tests share: the spec as the front loads it, requests shaped like the front's
// ValidRequest, and a check that an answer is what the spec documents for that operation and
// status (Ajv, JSON Schema 2020-12, over the spec's own schemas).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { stateFor } from '../src/state/index.js';
import { findOperation, isObject, resolve, type Obj } from '../src/state/spec.js';
import type { StateAnswer, ValidRequest, VendorState } from '../src/state/types.js';
import { specPath, type Vendor } from '../src/vendors.js';

// ajv-formats is CommonJS whose default export TypeScript and Node see differently: require it.
const addFormats = createRequire(import.meta.url)('ajv-formats') as typeof import('ajv-formats').default;

export function loadSpec(vendor: Vendor): Obj {
  return parse(readFileSync(specPath(vendor), 'utf8')) as Obj;
}

export function newState(vendor: Vendor, spec: Obj = loadSpec(vendor)): VendorState {
  const state = stateFor(vendor, spec);
  if (!state) throw new Error(`no state for ${vendor}`);
  return state;
}

export interface RequestParts {
  path?: Record<string, string>;
  query?: string | Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request as the front hands it over: operation, method from the spec, decoded path parameters. */
export function request(spec: Obj, operationId: string, parts: RequestParts = {}): ValidRequest {
  const found = findOperation(spec, operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return {
    operationId,
    method: found.method.toUpperCase(),
    path: parts.path ?? {},
    query: new URLSearchParams(parts.query ?? ''),
    headers: parts.headers ?? {},
    body: parts.body,
  };
}

/** Calls the state and asserts it answered (the operation is modelled). */
export function answer(state: VendorState, req: ValidRequest): StateAnswer & { body: any } {
  const result = state.answer(req);
  if (!result) throw new Error(`${req.operationId}: no answer from state`);
  return result as StateAnswer & { body: any };
}

/** Every answer a test got, with its operation, to check against the spec at the end. */
export class AnswerLog {
  readonly entries: { operationId: string; answer: StateAnswer }[] = [];
  constructor(private readonly state: VendorState) {}

  call(req: ValidRequest): StateAnswer & { body: any } {
    const result = answer(this.state, req);
    this.entries.push({ operationId: req.operationId, answer: result });
    return result;
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A validator of answers against the spec: for an operation and status, the documented response's
 * JSON schema, compiled by Ajv with the whole spec as the root document (so `#/components/...`
 * resolves). Returns the problems, empty when the answer is what the spec documents.
 */
export function responseChecker(spec: Obj): (operationId: string, answer: StateAnswer) => string[] {
  // OpenAPI's own keywords (`example`, `x-…`, `discriminator`) are not JSON Schema: not strict.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('password', true);
  ajv.addSchema(spec, 'spec');

  return (operationId, result) => {
    const found = findOperation(spec, operationId);
    if (!found) return [`${operationId} is not in the spec`];
    const responses = found.operation.responses as Obj;
    const raw = responses[String(result.status)];
    if (raw === undefined) return [`${operationId} does not document ${result.status}`];
    // The pointer of the response object, through a `$ref` when it is one.
    const base =
      isObject(raw) && typeof raw.$ref === 'string'
        ? raw.$ref.slice(1)
        : `/paths/${escapePointer(found.path)}/${found.method}/responses/${result.status}`;
    const response = resolve(spec, raw) as Obj;
    if (!isObject(response.content)) {
      return result.body === undefined ? [] : [`${operationId} ${result.status} documents no body, got one`];
    }
    const type = Object.keys(response.content).find((name) => name.includes('json'));
    if (!type) return [`${operationId} ${result.status} has no JSON content`];
    const validate = ajv.getSchema(`spec#${base}/content/${escapePointer(type)}/schema`);
    if (!validate) return [`no schema at ${base}`];
    if (validate(result.body)) return [];
    return (validate.errors ?? []).map((error) => `${operationId} ${result.status}: ${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
  };
}
