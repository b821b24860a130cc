// Types of contract.mjs, for the TypeScript that uses it (its test, the mocks' build).
import type { VendorEntry } from '../registry.mjs';
import type { Spec } from './spec.mjs';

/** The schema without annotations, its local `$ref`s pointed into the document added as `spec`. */
export function validatingSchema(schema: unknown): unknown;
/** `contract.ts` for a vendor package: the documented answers of every operation, validators compiled. */
export function renderContract(spec: Spec, vendor: Pick<VendorEntry, 'id' | 'displayName'>): string;
