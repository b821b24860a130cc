import { basic, bearer, scheme, type Credentials } from './auth.js';
import { invalidInput, requireSecret } from './errors.js';

/**
 * One way a vendor accepts credentials, as its spec's `securitySchemes` says (generated into each
 * vendor package): which factory options carry the secret and how it becomes `Authorization`.
 */
export type CredentialScheme =
  | { kind: 'bearer'; option: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'prefixed'; option: string; prefix: string };

const optionsOf = (s: CredentialScheme) => (s.kind === 'basic' ? [s.username, s.password] : [s.option]);

/**
 * The credentials of the first scheme whose options were given (in the spec's order), refusing a
 * blank secret; when none was given, names what each scheme needs.
 */
export function credentialsFrom(provider: string, schemes: readonly CredentialScheme[], options: object): Credentials {
  const given = options as Record<string, unknown>;
  const chosen = schemes.find((s) => optionsOf(s).some((option) => given[option] !== undefined)) ?? schemes[0];
  if (!chosen) throw invalidInput(provider, 'the spec declares no credentials');
  if (!optionsOf(chosen).some((option) => given[option] !== undefined) && schemes.length > 1) {
    const forms = schemes.map((s) => `{ ${optionsOf(s).join(', ')} }`).join(' or ');
    throw invalidInput(provider, `credentials are required: give ${forms}`, optionsOf(chosen)[0]);
  }
  const secret = (option: string) => requireSecret(provider, option, given[option]);
  if (chosen.kind === 'basic') return basic(secret(chosen.username), secret(chosen.password));
  if (chosen.kind === 'bearer') return bearer(secret(chosen.option));
  return scheme(chosen.prefix, secret(chosen.option));
}
