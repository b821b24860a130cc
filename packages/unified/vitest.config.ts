import { packageTestConfig } from '../../vitest.shared.js';

// Each run serves all three vendor specs with Prism (see test/prism.setup.ts).
export default packageTestConfig({ globalSetup: ['./test/prism.setup.ts'], testTimeout: 20_000 });
