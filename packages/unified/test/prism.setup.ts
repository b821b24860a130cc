import { startMocks } from '@parley/mocks';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrls: Record<string, string>;
  }
}

/** Every registered vendor's mock on ephemeral loopback ports for the run. */
export default async function setup(project: TestProject) {
  const mocks = await startMocks();
  project.provide('prismUrls', mocks.urls as Record<string, string>);
  return () => mocks.stop();
}
