// Each vendor's state: what it does with a write, remembered per mock instance (see types.ts for
// the contract with the front). A vendor without a module here (one `pnpm new-vendor` just
// added) stays pure Prism.
import { birdState } from './bird.js';
import { nexudusState } from './nexudus.js';
import { softwareoneState } from './softwareone.js';
import type { VendorState, VendorStateFactory } from './types.js';

export type { StateAnswer, ValidRequest, VendorState, VendorStateFactory } from './types.js';

const FACTORIES: Readonly<Record<string, VendorStateFactory>> = {
  softwareone: softwareoneState,
  bird: birdState,
  nexudus: nexudusState,
};

/** A fresh state for the vendor, built from its spec (parsed, `$ref`s unresolved); undefined for a vendor without one. */
export function stateFor(vendorId: string, spec: Record<string, unknown>): VendorState | undefined {
  const factory = Object.hasOwn(FACTORIES, vendorId) ? FACTORIES[vendorId] : undefined;
  return factory?.(spec);
}
