// The types @parley/mocks' public API speaks (the journal, faults), apart from the modules that
// implement them: they name no Node type, so an application's type-check needs no @types/node.

/** A request violation, as Prism reports it (`sl-violations`) or the front finds it. */
export interface Violation {
  location: string[];
  code: string | number;
  message: string;
  severity?: string;
}

/** One request as the journal shows it. */
export interface JournalEntry {
  /** When it arrived (ISO 8601). */
  time: string;
  method: string;
  /** The path, without the query. */
  path: string;
  /** The query's parameters; a repeated name keeps every value, in an array. */
  query: Record<string, string | string[]>;
  /** Lower-case names; credentials (`authorization`, `cookie`, API-key headers) redacted. */
  headers: Record<string, string | string[]>;
  /** The parsed JSON or form body, the text of any other body; absent without one. */
  body?: unknown;
  /** The operation it was routed to; absent for a path the spec does not have. */
  operationId?: string;
  /** The path parameters, percent-decoded, by the spec's names. */
  params?: Record<string, string>;
  /** Whether the request passed validation; `null` when nothing judged it (a fault answered first). */
  valid: boolean | null;
  /** What broke the spec, when `valid` is false. */
  violations?: Violation[];
  /** The status the mock answered; absent when a fault answered with none (a reset connection). */
  status?: number;
  /** The fault that answered (`throttle`, `latency=500`…), when one did. */
  fault?: string;
  /** Whether the vendor's state (not Prism's example) gave the answer. */
  fromState?: boolean;
}

export interface JournalFilter {
  operationId?: string;
  method?: string;
}

/** What arms a fault for the next calls: `{ operationId?, times?, fault }`. */
export interface FaultSpec {
  /** The operation whose calls get it; every request to the mock when left out. */
  operationId?: string;
  /** How many calls get it (default 1), or `"always"` until the faults are cleared. */
  times?: number | 'always';
  /** The fault, as in the `Parley-Fault` header: `throttle`, `latency=500`, `status=503`… */
  fault: string;
}

export interface ArmedFault {
  id: number;
  operationId?: string;
  /** Calls left, or `"always"`. */
  remaining: number | 'always';
  fault: string;
}

/** What a running mock can be asked in code, beside its HTTP admin endpoints under `/__parley/`. */
export interface MockControls {
  /** The requests received, in order, credentials redacted (also `GET /__parley/journal`; admin requests are not in it). */
  journal(filter?: JournalFilter): JournalEntry[];
  /** Empties the journal (also `DELETE /__parley/journal`). */
  clearJournal(): void;
  /** Arms a fault for the next calls of one operation or of all (also `POST /__parley/faults`). Throws on a bad spec. */
  fault(spec: FaultSpec): ArmedFault;
  /** Disarms every fault (also `DELETE /__parley/faults`). */
  clearFaults(): void;
  /** Back to the state built from the spec's examples (also `POST /__parley/reset`); false for a stateless mock. */
  reset(): boolean;
}

/**
 * One way a proxied vendor's traffic departs from its spec (`--proxy`, `startMocks({ proxy })`): a
 * line of the JSON Lines drift report. Holds no credential and no personal data (`example` is redacted).
 */
export interface DriftFinding {
  /** When it was found (ISO 8601). */
  time: string;
  vendor: string;
  /** The operation the request was routed to; absent for a path or method the spec does not have. */
  operationId?: string;
  method: string;
  /** The request's path, without the query. */
  path: string;
  /** The status the caller got (the upstream's, or the mock's refusal under `strict`); absent when the upstream did not answer. */
  status?: number;
  /** What broke the spec: the request, or the answer's status, a header or the body. */
  in: 'request' | 'status' | 'header' | 'body';
  /**
   * Where: a JSON Pointer into the answer's body (`/results/0/status`; for `required`, the missing
   * member), a response header's lower-case name, or for the request `/body/…`, `/query/<name>`,
   * `/path/<name>`, `/header/<name>`; empty for the whole (a status, an unknown operation).
   */
  pointer: string;
  /** The JSON Schema keyword broken (`required`, `enum`, `type`…), or `status`, `operation`, `undocumented-header`, `media-type`, `json`, `security`… */
  rule: string;
  /** What the spec expects, in words. */
  message: string;
  /**
   * The offending value, redacted: for `required` the object missing the member, for a header its
   * value, none for a status. Credentials, members named like secrets or personal data, and
   * strings that look like emails, phone numbers or tokens are replaced; large values summarized.
   */
  example?: unknown;
}
