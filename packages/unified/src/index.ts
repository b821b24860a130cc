export { createParley } from './create-parley.js';
export { createParleyWith, type AnyAdapter, type Parley, type ParleyConfig, type VendorClients } from './core.js';
export { softwareOneAdapter } from './adapters/softwareone.js';
export { birdAdapter } from './adapters/bird.js';
export { nexudusAdapter } from './adapters/nexudus.js';
export type { Adapter } from './adapters/adapter.js';
export { capabilities, CAPABILITIES, describeCapabilities, type Capabilities, type ProviderCapabilities } from './capabilities/index.js';
export { mappingTable, renderMappingTable } from './mapping-table.js';
export * from './model.js';
