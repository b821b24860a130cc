import { fileURLToPath } from 'node:url';
import { VENDOR_LIST } from './generated/vendors.js';

/** A registered vendor's id. */
export type Vendor = (typeof VENDOR_LIST)[number]['id'];

/** The vendors Parley mocks, in the order of their ports (the vendor registry's order). */
export const VENDORS: readonly Vendor[] = VENDOR_LIST.map((vendor) => vendor.id);

/** `pnpm mock` serves each vendor on this port plus the vendor's port offset. */
export const DEFAULT_BASE_PORT = 4010;

function entry(vendor: Vendor) {
  const found = VENDOR_LIST.find((v) => v.id === vendor);
  if (!found) throw new TypeError(`unknown vendor ${JSON.stringify(vendor)}; use ${VENDORS.join(', ')}`);
  return found;
}

/** The vendor's spec as shipped in this package (specs/<vendor>.openapi.yaml). */
export function specPath(vendor: Vendor): string {
  return fileURLToPath(new URL(`../specs/${entry(vendor).spec}`, import.meta.url));
}

/** The port a vendor's mock listens on for a base port: base plus the vendor's port offset. */
export function mockPort(vendor: Vendor, base: number = DEFAULT_BASE_PORT): number {
  return base + entry(vendor).portOffset;
}

/** The vendor's name for people, e.g. in `parley-mock --help`. */
export function displayName(vendor: Vendor): string {
  return entry(vendor).displayName;
}
