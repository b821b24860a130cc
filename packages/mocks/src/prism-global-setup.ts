import { fileURLToPath } from 'node:url';
import { startPrism, type PrismOptions } from './start-prism.js';

/** The part of vitest's TestProject a global setup needs; typed here to keep vitest out of our dependencies. */
export interface ProvideTarget {
  provide(key: 'prismUrl', value: string): void;
}

/**
 * A vitest `globalSetup` that serves `spec` with Prism (request validation on) for one test run,
 * provides its base URL as `inject('prismUrl')`, and stops Prism when the run ends.
 */
export function prismGlobalSetup(spec: string | URL, options: Omit<PrismOptions, 'spec'> = {}) {
  return async (project: ProvideTarget) => {
    const server = await startPrism({ ...options, spec: spec instanceof URL ? fileURLToPath(spec) : spec });
    project.provide('prismUrl', server.url);
    return () => server.stop();
  };
}
