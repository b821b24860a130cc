import type { ContractViolation } from './contract.js';

/** Every failure a Parley client reports, as one discriminated `code`. */
export type ParleyErrorCode =
  | 'invalid_input'
  | 'unsupported'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'provider'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'contract';

export interface ParleyErrorDetails<Body = unknown> {
  /** Which vendor the call was for. */
  provider?: string;
  operationId?: string;
  /** HTTP status of the vendor's last answer, when there was one. */
  status?: number;
  /** Response headers of the last answer. */
  headers?: Record<string, string>;
  /** A request-id header, or the id the vendor put in its error body (SoftwareOne's `traceId`). */
  requestId?: string;
  /** How many HTTP attempts were made, retries included. */
  attempts?: number;
  /** The vendor's error payload, parsed; undefined when it was empty or not JSON. */
  body?: Body;
  /** For `rate_limited`: how long the vendor asked us to wait, in ms. */
  retryAfterMs?: number;
  /** For `invalid_input` and `unsupported`: the input field at fault, e.g. `set.muted`. */
  field?: string;
  /** For `contract`: how the vendor's answer departs from the spec (`validateResponses: 'throw'`). */
  violations?: readonly ContractViolation[];
  cause?: unknown;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * The one error type every Parley client throws. Its message and fields are built from redacted
 * text only; `toJSON` and `util.inspect` leave out `cause`, which may come from code we don't own.
 */
export class ParleyError<Body = unknown> extends Error {
  override name = 'ParleyError';
  declare readonly code: ParleyErrorCode;
  declare readonly headers: Record<string, string>;
  declare readonly attempts: number;
  declare readonly provider: string | undefined;
  declare readonly operationId: string | undefined;
  declare readonly status: number | undefined;
  declare readonly requestId: string | undefined;
  declare readonly body: Body | undefined;
  declare readonly retryAfterMs: number | undefined;
  declare readonly field: string | undefined;
  declare readonly violations: readonly ContractViolation[] | undefined;

  constructor(code: ParleyErrorCode, message: string, { cause, ...details }: ParleyErrorDetails<Body> = {}) {
    super(message, { cause });
    // Every detail becomes an own enumerable field; `cause` stays Error's own non-enumerable one.
    Object.assign(this, details, { code, headers: details.headers ?? {}, attempts: details.attempts ?? 0 });
  }

  toJSON() {
    return { ...this, message: this.message }; // message is own but not enumerable
  }

  [INSPECT]() {
    return `${this.stack}\n${JSON.stringify(this, null, 2)}`;
  }
}

/** What each code guarantees besides `code`: set on every error of that code. */
interface CodeFields {
  rate_limited: { status: number; retryAfterMs: number };
  unauthorized: { status: number };
  forbidden: { status: number };
  conflict: { status: number };
  /** `status` is unset when the unified API derived the error from a success (a malformed participant, a user not in a room). */
  not_found: {};
  provider: {};
  /** Refused before sending (`field` names the input) or by the vendor (`status`). */
  invalid_input: { field: string; status: undefined } | { status: number };
  unsupported: { field: string };
  network: {};
  timeout: {};
  cancelled: {};
  /** The answer broke the spec (`validateResponses: 'throw'`): its status, and every departure found. */
  contract: { status: number; violations: readonly ContractViolation[] };
}

/** A ParleyError of one code, with the fields that code always carries. */
export type ParleyErrorOf<C extends ParleyErrorCode = ParleyErrorCode, Body = unknown> = C extends ParleyErrorCode ? ParleyError<Body> & { readonly code: C } & Readonly<CodeFields[C]> : never;

/** A guard that narrows to a ParleyError, of `code` when given, and types its fields and `body`. */
export type ParleyErrorGuard<Body = unknown> = <C extends ParleyErrorCode = ParleyErrorCode>(error: unknown, code?: C) => error is ParleyErrorOf<C, Body>;

/** Narrows `error` to a ParleyError (of `code`, when given), e.g. to read `retryAfterMs` of `rate_limited`. */
export const isParleyError: ParleyErrorGuard = (error, code?): error is never => error instanceof ParleyError && (code === undefined || error.code === code);

/** The guard for one vendor's errors, whose `body` is that vendor's error payload. */
export const vendorErrorGuard =
  <Body>(provider: string): ParleyErrorGuard<Body> =>
  (error, code?): error is never =>
    isParleyError(error, code) && error.provider === provider;

const CODE_FOR_STATUS: Record<number, ParleyErrorCode> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  410: 'not_found',
  413: 'invalid_input',
  422: 'invalid_input',
  429: 'rate_limited',
};

/** The error code for a vendor's HTTP status, before any vendor-specific reading. */
export const codeForStatus = (status: number): ParleyErrorCode => CODE_FOR_STATUS[status] ?? 'provider';

/** The error for input refused before anything is sent. */
export const invalidInput = (provider: string, message: string, field?: string) =>
  new ParleyError('invalid_input', `${provider}: ${message}`, { provider, field });

/** Rejects a missing or blank secret before any request can be built with it. */
export function requireSecret(provider: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) throw invalidInput(provider, `\`${field}\` is required`, field);
  return value;
}
