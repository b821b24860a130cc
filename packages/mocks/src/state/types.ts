// The contract between the mock front (front.ts, which routes, validates through Prism, journals and
// injects faults) and the vendors' state (this folder: what each vendor does with a write). The
// front calls a vendor's state only for a request Prism has found valid; the state answers from
// what it remembers, or leaves the answer to Prism.

/** A request Prism accepted, routed to its operation. */
export interface ValidRequest {
  /** The spec's operationId: `updateChatParticipant`. */
  operationId: string;
  /** Upper case. */
  method: string;
  /** Path parameters by the spec's names, percent-decoded: `{ chatId: 'CHT-1', id: 'CPT-2' }`. */
  path: Readonly<Record<string, string>>;
  /** The query string's parameters (repeated names keep every value). */
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The parsed JSON or form body; undefined when there is none. */
  body: unknown;
}

/** What the state answers: a status and a JSON body (none for a 204), as the spec documents for that operation. */
export interface StateAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One mock instance's memory of one vendor: created from the spec's named examples, reset on demand. */
export interface VendorState {
  /**
   * The answer from state for a valid request, or undefined to let Prism's own answer through
   * (an operation the state does not model). Never throws for a valid request.
   */
  answer(request: ValidRequest): StateAnswer | undefined;
  /** Back to the state built from the spec's examples. */
  reset(): void;
}

/** Builds a vendor's state from its spec (the parsed OpenAPI document, `$ref`s unresolved). */
export type VendorStateFactory = (spec: Record<string, unknown>) => VendorState;
