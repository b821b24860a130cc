// What applications use. What vendor packages need to build a client lives in
// `@parley/runtime/internal`, which may change in any release.
export type { CallOptions } from './call-options.js';
export type { ClientOptions, ResponseValidation } from './create-api-client.js';
export type { ContractViolation } from './contract.js';
export { isParleyError, ParleyError, type ParleyErrorCode, type ParleyErrorDetails, type ParleyErrorGuard, type ParleyErrorOf } from './errors.js';
export type { LogEvent, Logger } from './log.js';
export type { DataOf, ErrorBodyOf, Operation, OperationParams } from './operation.js';
export { RETRY_DEFAULTS, type RetryOptions, type RetrySetting } from './retry.js';
export { DEFAULT_TIMEOUT_MS } from './call-options.js';
