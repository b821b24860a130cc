export { startPrism, PrismStartError, type PrismOptions, type PrismServer } from './start-prism.js';
export { prismGlobalSetup, type ProvideTarget } from './prism-global-setup.js';
export { freePort } from './free-port.js';
