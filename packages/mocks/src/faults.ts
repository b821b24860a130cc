// Faults on demand: what a QA engineer asks a mock to do instead of answering normally, for one
// request (the `Parley-Fault` header) or for the next calls of an operation (armed through
// `POST /__parley/faults` or `mocks.fault()`). A fault answers before Prism is asked, so nothing
// stored changes. What a throttle looks like is read from the spec, not known per vendor.
import type { CannedResponse } from './front.js';
import { isJson, responseFor, type OperationModel, type ResponseModel } from './operations.js';
import type { ArmedFault, FaultSpec } from './public-types.js';

export type { ArmedFault, FaultSpec } from './public-types.js';

/** The kinds that answer instead of the mock (latency only delays the normal answer). */
const KINDS = ['throttle', 'status', 'reset', 'malformed', 'html', 'stall'] as const;
export type FaultKind = (typeof KINDS)[number];

/** A parsed fault: an optional delay, then at most one kind of answer. */
export interface Fault {
  /** As written, for the journal and the `Parley-Fault` answer header: `latency=500,throttle`. */
  text: string;
  latencyMs?: number;
  kind?: FaultKind;
  /** The status of a `status=` fault (500–599). */
  status?: number;
  /** `throttle=<seconds>`: the `Retry-After` to send, documented or not. */
  retryAfter?: number;
}

export class FaultSyntaxError extends Error {
  override name = 'FaultSyntaxError';
}

export const FAULT_SYNTAX =
  'one of throttle, throttle=<Retry-After seconds>, status=<500-599>, reset, malformed, html, stall, optionally after latency=<ms> (comma-separated: "latency=200,throttle")';

/** Parses `latency=500`, `throttle`, `throttle=3`, `status=503`, `reset`, `malformed`, `html`, `stall`, or `latency=…,<kind>`. */
export function parseFault(text: string): Fault {
  const fault: Fault = { text: text.trim() };
  for (const item of text.split(',')) {
    const [rawName = '', rawValue] = item.split('=', 2).map((part) => part.trim());
    const name = rawName.toLowerCase();
    const number = rawValue === undefined ? undefined : Number(rawValue);
    const bad = (why: string) => new FaultSyntaxError(`fault "${text}": ${why}; use ${FAULT_SYNTAX}`);
    if (rawValue !== undefined && (!Number.isInteger(number) || number! < 0)) throw bad(`${rawName}'s value must be a whole number`);
    if (name === 'latency') {
      if (number === undefined) throw bad('latency needs its milliseconds (latency=500)');
      if (number > 600_000) throw bad('latency is at most 600000 ms');
      fault.latencyMs = number;
      continue;
    }
    if (!(KINDS as readonly string[]).includes(name)) throw bad(`unknown fault "${rawName}"`);
    if (fault.kind) throw bad('one kind of answer at a time');
    fault.kind = name as FaultKind;
    if (name === 'status') {
      if (number === undefined || number < 500 || number > 599) throw bad('status needs a 5xx code (status=503)');
      fault.status = number;
    } else if (name === 'throttle') {
      if (number !== undefined) fault.retryAfter = number;
    } else if (number !== undefined) throw bad(`${name} takes no value`);
  }
  return fault;
}


/** An armed fault, as `GET /__parley/faults` lists it. */

/** The faults armed on one mock: the first that matches a request takes it, and counts down. */
export class FaultBoard {
  private armed: (ArmedFault & { parsed: Fault })[] = [];
  private nextId = 1;

  /** Arms a fault; throws a FaultSyntaxError (or a TypeError for an unknown operation) on a bad spec. */
  arm(spec: FaultSpec, operationIds?: ReadonlySet<string>): ArmedFault {
    if (typeof spec?.fault !== 'string') throw new FaultSyntaxError(`"fault" must be a string: ${FAULT_SYNTAX}`);
    const parsed = parseFault(spec.fault);
    const { operationId, times = 1 } = spec;
    if (operationId !== undefined && (typeof operationId !== 'string' || (operationIds && !operationIds.has(operationId)))) {
      throw new FaultSyntaxError(`unknown operationId ${JSON.stringify(operationId)}${operationIds ? `; this mock has ${[...operationIds].join(', ')}` : ''}`);
    }
    if (times !== 'always' && !(Number.isInteger(times) && times > 0)) throw new FaultSyntaxError(`"times" must be a positive whole number or "always"; got ${JSON.stringify(times)}`);
    const armed = { id: this.nextId++, ...(operationId !== undefined ? { operationId } : {}), remaining: times, fault: parsed.text, parsed };
    this.armed.push(armed);
    return this.view(armed);
  }

  /** The fault for a request to `operationId` (undefined for a path the spec does not have), counted as used. */
  take(operationId: string | undefined): Fault | undefined {
    if (!this.armed.length) return undefined;
    const index = this.armed.findIndex((a) => a.operationId === undefined || a.operationId === operationId);
    if (index < 0) return undefined;
    const armed = this.armed[index]!;
    if (armed.remaining !== 'always' && --armed.remaining === 0) this.armed.splice(index, 1);
    return armed.parsed;
  }

  list(): ArmedFault[] {
    return this.armed.map((a) => this.view(a));
  }

  clear(): void {
    this.armed = [];
  }

  private view({ parsed: _, ...armed }: ArmedFault & { parsed: Fault }): ArmedFault {
    return { ...armed };
  }
}

/** What the front does for a fault that answers. */
export type FaultAction =
  | { type: 'answer'; answer: CannedResponse }
  /** Destroy the socket: the client sees a reset connection. */
  | { type: 'reset' }
  /** Send these headers, then nothing, until the client gives up. */
  | { type: 'stall'; status: number; headers: Record<string, string> };

/**
 * The answer a fault gives for a request to `operation` (undefined for an unknown path), read from
 * the spec: the operation's own responses, else those of any operation of the spec.
 */
export function faultAction(fault: Fault & { kind: FaultKind }, operation: OperationModel | undefined, operations: readonly OperationModel[]): FaultAction {
  const mark = { 'parley-fault': fault.text };
  switch (fault.kind) {
    case 'reset':
      return { type: 'reset' };
    case 'throttle': {
      const documented = throttleOf(operation) ?? operations.map(throttleOf).find(Boolean);
      const headers: Record<string, string> = { ...mark };
      const retryAfter = fault.retryAfter ?? documented?.headers.find((h) => h.name.toLowerCase() === 'retry-after')?.example ?? (documented && hasRetryAfter(documented) ? 1 : undefined);
      if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
      return { type: 'answer', answer: { status: documented ? Number(documented.code) : 429, ...exampleOf(documented, headers) } };
    }
    case 'status': {
      const documented = operation?.responses.find((r) => r.code === String(fault.status));
      return { type: 'answer', answer: { status: fault.status!, ...exampleOf(documented, mark) } };
    }
    case 'malformed': {
      const success = successOf(operation);
      const whole = success?.example === undefined ? '{"id":"' : JSON.stringify(success.example);
      let cut = whole.slice(0, Math.max(2, Math.floor(whole.length / 2)));
      if (parses(cut)) cut = '{"';
      return { type: 'answer', answer: { status: 200, headers: { ...mark, 'content-type': jsonType(success) }, body: cut } };
    }
    case 'html':
      return {
        type: 'answer',
        answer: {
          status: 200,
          headers: { ...mark, 'content-type': 'text/html; charset=utf-8' },
          body: '<!DOCTYPE html>\n<html><head><title>Gateway</title></head><body><h1>Gateway</h1><p>An HTML page where the API answers JSON: the Parley mock was asked for this fault.</p></body></html>\n',
        },
      };
    case 'stall': {
      const success = successOf(operation);
      const length = success?.example === undefined ? 2 : Buffer.byteLength(JSON.stringify(success.example));
      return { type: 'stall', status: 200, headers: { ...mark, 'content-type': jsonType(success), 'content-length': String(length) } };
    }
  }
}

const hasRetryAfter = (response: ResponseModel) => response.headers.some((h) => h.name.toLowerCase() === 'retry-after');

/** The operation's throttling answer: its 429, else a 4xx that documents `Retry-After` (Nexudus' 409). */
function throttleOf(operation: OperationModel | undefined): ResponseModel | undefined {
  if (!operation) return undefined;
  return operation.responses.find((r) => r.code === '429') ?? operation.responses.find((r) => r.code.startsWith('4') && hasRetryAfter(r));
}

function successOf(operation: OperationModel | undefined): ResponseModel | undefined {
  return operation && (responseFor(operation, 200) ?? operation.responses.find((r) => r.code.startsWith('2')));
}

const jsonType = (response: ResponseModel | undefined) => (isJson(response?.mediaType) ? response!.mediaType! : 'application/json');

/** A documented response's first example as a body (none when it documents none, as Nexudus' throttle). */
function exampleOf(response: ResponseModel | undefined, headers: Record<string, string>): Pick<CannedResponse, 'headers' | 'body'> {
  if (!response?.mediaType || response.example === undefined) return { headers };
  const body = typeof response.example === 'string' && !isJson(response.mediaType) ? response.example : JSON.stringify(response.example);
  return { headers: { ...headers, 'content-type': response.mediaType }, body };
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
