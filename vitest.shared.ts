import { defineConfig, type ViteUserConfig } from 'vitest/config';

type TestOptions = NonNullable<ViteUserConfig['test']>;

/**
 * The vitest settings every package shares: a JSON report per package feeds the closing summary of
 * `pnpm test` (tools/test-summary.mjs). Type tests (`*.test-d.ts`) are not run here: the package's
 * `typecheck` task (tsc over src and test) checks them once, and `test` depends on it.
 */
export function packageTestConfig(test: TestOptions = {}) {
  return defineConfig({
    test: {
      reporters: ['default', 'json'],
      // Suites run side by side on two cores with a Prism per suite: a mock's first answer (its
      // validators compiled on demand) can take seconds under that load. A hang still fails.
      testTimeout: 15_000,
      // Starting a mock (Prism reads and compiles its spec) under that load: startPrism's own limit is 30 s.
      hookTimeout: 30_000,
      outputFile: { json: '.vitest-report.json' },
      ...test,
    },
  });
}
