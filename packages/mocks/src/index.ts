export { startPrism, PrismStartError, type PrismOptions, type PrismServer } from './start-prism.js';
export { freePort } from './free-port.js';
