export { createParley, type Parley, type ParleyConfig, type VendorClients } from './create-parley.js';
export { capabilities, CAPABILITIES, type Capabilities, type ProviderCapabilities } from './capabilities/index.js';
export { mappingTable, renderMappingTable } from './mapping-table.js';
export * from './model.js';
