// Credentials for a registry vendor's factory, in the form its spec's security schemes take:
// what a test needs to build any vendor's client without naming the vendor.
import { credentialSchemes, type CredentialScheme } from '../../../tools/codegen/render.mjs';
import { loadSpec } from '../../../tools/codegen/spec.mjs';
import { vendor } from '../../../tools/registry.mjs';

/** The factory options of one scheme, with `secret` where its secret goes. */
export function credentialsFor({ form }: CredentialScheme, secret: string): Record<string, string> {
  if (form.kind === 'basic') return { [form.username]: 'parley-user@example.com', [form.password]: secret };
  return { [form.option]: secret };
}

/** Options for the vendor's preferred scheme (the spec's first), with a placeholder secret. */
export function mockCredentials(id: string, secret = `parley-${id}-secret`): Record<string, string> {
  const [preferred] = credentialSchemes(loadSpec(vendor(id).specFile));
  if (!preferred) throw new Error(`specs/${id}/openapi.yaml declares no security scheme`);
  return credentialsFor(preferred, secret);
}
