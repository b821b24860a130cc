import { createRequire } from 'node:module';

/** The vendors Parley mocks, in the order of their ports: base, base + 1, base + 2. */
export const VENDORS = ['softwareone', 'bird', 'nexudus'] as const;
export type Vendor = (typeof VENDORS)[number];

/** `pnpm mock` serves SoftwareOne on 4010, Bird on 4011, Nexudus on 4012. */
export const DEFAULT_BASE_PORT = 4010;

const require = createRequire(import.meta.url);

/** The installed spec of a vendor (from its `@parley/spec-<vendor>` package). */
export function specPath(vendor: Vendor): string {
  return require.resolve(`@parley/spec-${vendor}/openapi.yaml`);
}
