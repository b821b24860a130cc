// The error type and guard every Parley call throws, so a unified-only application needs no other import.
export { isParleyError, ParleyError, type ParleyErrorCode, type ParleyErrorOf } from '@parley/runtime';
export { createParley } from './create-parley.js';
export { createParleyWith, type Parley } from './core.js';
export { ADAPTERS, PROVIDERS } from './generated/adapters.js';
export * from './generated/adapter-exports.js';
export type { Adapter, AnyAdapter, ChatRef, CheckedRef, ScopeField } from './adapters/adapter.js';
export { explained, positiveInteger, text, uuid, type IdFormat } from './id-formats.js';
export { capabilities, describeCapabilities, type Capabilities, type MembershipCapability, type ProviderCapabilities } from './capabilities/index.js';
export { mappingTable, renderMappingTable } from './mapping-table.js';
export * from './model.js';
export type * from './types.js';
export type * from './all.js';
