import { packageTestConfig } from '../../vitest.shared.js';

// One long test: a copy of the repository is scaffolded, built and tested (several minutes).
export default packageTestConfig({ testTimeout: 600_000, hookTimeout: 120_000 });
