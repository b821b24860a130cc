export { basic, bearer, scheme, type Credentials } from './auth.js';
export { createApiClient, type ApiClientConfig, type ClientOptions } from './create-api-client.js';
export { ParleyError, requireSecret, type ParleyErrorCode, type ParleyErrorDetails } from './errors.js';
export type { CallOptions } from './call-options.js';
