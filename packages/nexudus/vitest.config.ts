import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./test/prism.setup.ts'],
    typecheck: { enabled: true, tsconfig: './tsconfig.json' },
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
