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
  | 'cancelled';

export interface ParleyErrorDetails {
  /** Which vendor the call was for, when known. */
  provider?: string;
  operationId?: string;
  status?: number;
  cause?: unknown;
}

export class ParleyError extends Error {
  override name = 'ParleyError';
  readonly code: ParleyErrorCode;
  readonly provider: string | undefined;
  readonly operationId: string | undefined;
  readonly status: number | undefined;

  constructor(code: ParleyErrorCode, message: string, details: ParleyErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.provider = details.provider;
    this.operationId = details.operationId;
    this.status = details.status;
  }
}

/** Rejects a missing or blank secret before any request can be built with it. */
export function requireSecret(provider: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ParleyError('invalid_input', `${provider}: \`${field}\` is required and must be a non-empty string`, {
      provider,
    });
  }
  return value;
}
