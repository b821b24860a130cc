import { packageTestConfig } from '../../vitest.shared.js';

// Every publishable package is packed once (test/pack.setup.ts) for the package checks and the
// consumer install. Packing, an npm install and two compilations take a while.
export default packageTestConfig({ globalSetup: ['./test/pack.setup.ts'], testTimeout: 300_000, hookTimeout: 300_000 });
