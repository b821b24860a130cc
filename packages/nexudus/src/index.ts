export {
  NEXUDUS_BASE_URL,
  createNexudusClient,
  type NexudusClient,
  type NexudusClientOptions,
  type NexudusCredentials,
} from './client.js';
export * from './operations.js';
export type { components, operations, paths } from './generated/openapi.js';
