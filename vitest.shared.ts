import { defineConfig, type ViteUserConfig } from 'vitest/config';

type TestOptions = NonNullable<ViteUserConfig['test']>;

/**
 * The vitest settings every package shares: type tests (`*.test-d.ts`) run with the others, and a
 * JSON report per package feeds the closing summary of `pnpm test` (tools/test-summary.mjs).
 */
export function packageTestConfig(test: TestOptions = {}) {
  return defineConfig({
    test: {
      typecheck: { enabled: true, tsconfig: './tsconfig.json' },
      reporters: ['default', 'json'],
      outputFile: { json: '.vitest-report.json' },
      ...test,
    },
  });
}
