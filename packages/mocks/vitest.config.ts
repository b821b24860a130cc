import { packageTestConfig } from '../../vitest.shared.js';

// Starting Prism takes a second or two per test. The suites mostly wait on child processes (Prism,
// the CLI, pnpm), so three files run at once even on two cores; each uses ports of its own.
export default packageTestConfig({ testTimeout: 60_000, maxWorkers: 3 });
