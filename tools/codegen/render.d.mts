// Types of render.mjs, for the TypeScript that uses it (the snapshot test, the resilience suite).
import type { VendorEntry } from '../registry.mjs';
import type { Spec } from './spec.mjs';

/** How a client option turns into the Authorization header. */
export type CredentialForm =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'prefixed'; option: string; prefix: string };

export interface CredentialScheme {
  /** The security scheme's name in the spec. */
  key: string;
  description?: string;
  form: CredentialForm;
}

/** The spec's security schemes as credential forms, in the order the spec prefers them. */
export function credentialSchemes(spec: Spec): CredentialScheme[];
export function schemaAliases(spec: Spec, vendor: Pick<VendorEntry, 'name'>): { schema: string; alias: string }[];
export function renderSchemas(spec: Spec, vendor: VendorEntry): string;
export function renderOperations(spec: Spec, vendor: VendorEntry): string;
export function renderClient(spec: Spec, vendor: VendorEntry): string;
export function renderIndex(vendor: VendorEntry): string;
