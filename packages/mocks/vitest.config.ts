import { packageTestConfig } from '../../vitest.shared.js';

// Starting Prism takes a second or two per test.
export default packageTestConfig({ testTimeout: 60_000 });
