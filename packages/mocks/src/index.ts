export { startMocks, type Mocks, type MocksOptions } from './start-mocks.js';
export { startPrism, PrismStartError, type PrismOptions, type PrismServer } from './start-prism.js';
export { prismGlobalSetup, type ProvideTarget } from './prism-global-setup.js';
export { DEFAULT_BASE_PORT, mockPort, specPath, VENDORS, type Vendor } from './vendors.js';
export { freePort } from './free-port.js';
export type { JournalEntry, JournalFilter, MockControls, Violation } from './public-types.js';
export type { ArmedFault, FaultSpec } from './public-types.js';
export type { StateAnswer, ValidRequest, VendorState, VendorStateFactory } from './state/types.js';
