export { BIRD_BASE_URL, createBirdClient, type BirdClient, type BirdClientOptions } from './client.js';
export * from './operations.js';
export type { components, operations, paths } from './generated/openapi.js';
