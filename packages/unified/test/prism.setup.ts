import { startMocks } from '@parley/mocks';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrls: Record<'softwareone' | 'bird' | 'nexudus', string>;
  }
}

/** All three vendor mocks on ephemeral loopback ports for the run. */
export default async function setup(project: TestProject) {
  const mocks = await startMocks();
  project.provide('prismUrls', mocks.urls as Record<'softwareone' | 'bird' | 'nexudus', string>);
  return () => mocks.stop();
}
