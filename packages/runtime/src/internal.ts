// For Parley's vendor packages and generated code only: no compatibility promise. Applications
// import from `@parley/runtime`.
export { basic, bearer, scheme, type Credentials } from './auth.js';
export { checkBaseUrl } from './base-url.js';
export { createApiClient, type ApiClientConfig } from './create-api-client.js';
export { basicScheme, credentialsFrom, prefixedScheme, type CredentialScheme } from './credentials.js';
export { defineClient, type ClientDefinition } from './define-client.js';
export { defineOperation, type HttpMethod, type OperationArgs, type OperationDefinition } from './define-operation.js';
export { codeForStatus, invalidInput, requireSecret, vendorErrorGuard } from './errors.js';
export type { ApiResult, OperationMeta } from './operation.js';
export type { VendorProfile } from './profile.js';
export { backoffDelay, parseRetryAfter, resolveRetry } from './retry.js';
