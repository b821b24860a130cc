import { packageTestConfig } from '../../vitest.shared.js';

// Each run serves this vendor's spec with Prism (see test/prism.setup.ts).
export default packageTestConfig({ globalSetup: ['./test/prism.setup.ts'] });
