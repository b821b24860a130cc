import { packageTestConfig } from '../../vitest.shared.js';

// Packing, an npm install and two compilations take a while.
export default packageTestConfig({ testTimeout: 300_000, hookTimeout: 300_000 });
