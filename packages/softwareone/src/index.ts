export {
  SOFTWAREONE_BASE_URL,
  SOFTWAREONE_TEST_BASE_URL,
  createSoftwareOneClient,
  type SoftwareOneClient,
  type SoftwareOneClientOptions,
} from './client.js';
export * from './operations.js';
export type { components, operations, paths } from './generated/openapi.js';
