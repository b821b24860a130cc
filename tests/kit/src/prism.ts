// Vitest global set-ups that serve registry vendors' specs with Prism for one test run.
import { prismGlobalSetup, startMocks } from '@parley/mocks';
import type { ProvidedContext } from 'vitest';
import { vendor, vendors } from '../../../tools/registry.mjs';

// What the set-ups below provide to the tests' `inject()`. Declared once, here, so every suite
// that uses them gets typed `inject('prismUrl')` without declaring it again.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Prism mock `vendorMockSetup` started. */
    prismUrl: string;
    /** Base URL of each registry vendor's mock, by vendor id (`allMocksSetup`). */
    prismUrls: Record<string, string>;
  }
}

/** The part of vitest's TestProject a global setup needs (vitest's own type is in vitest/node). */
export interface Provider {
  provide<K extends keyof ProvidedContext & string>(key: K, value: ProvidedContext[K]): void;
}

/**
 * A vitest `globalSetup` serving one registry vendor's spec (request validation on) and providing
 * its base URL as `inject('prismUrl')`. Use it as a set-up file's default export:
 * `export default vendorMockSetup('acme')`. An unknown id fails at once, naming the known ones.
 */
export function vendorMockSetup(id: string): (project: Provider) => Promise<() => Promise<void>> {
  // Stateless: a run's suites share one mock, and they check each operation against the spec's
  // examples; what the state does is tested in @parley/mocks (stateful.test.ts, state-*.test.ts).
  return prismGlobalSetup(vendor(id).specFile, { stateful: false });
}

/**
 * A vitest `globalSetup` serving every registry vendor's spec, each on its own ephemeral port,
 * providing `inject('prismUrls')`: `{ [vendorId]: baseUrl }`.
 */
export async function allMocksSetup(project: Provider): Promise<() => Promise<void>> {
  // The registry's ids are plain strings; the cast keeps this independent of how mocks types them.
  const ids = vendors().map((entry) => entry.id) as unknown as NonNullable<Parameters<typeof startMocks>[0]>['vendors'];
  const mocks = await startMocks({ vendors: ids, stateful: false }); // as vendorMockSetup: the examples, not a shared memory
  project.provide('prismUrls', { ...mocks.urls } as Record<string, string>);
  return () => mocks.stop();
}
