import { basic, scheme, type Credentials } from './auth.js';
import { requireSecret } from './errors.js';
import { requireHeaderSafe } from './headers.js';

/**
 * One way a vendor accepts credentials, as its spec's `securitySchemes` says (generated into each
 * vendor package): which factory options carry the secret and how it becomes `Authorization`.
 * `bearer` is `prefixed` with `Bearer`.
 */
export type CredentialScheme = { kind: 'basic'; username: string; password: string } | { kind: 'prefixed'; option: string; prefix: string };

/**
 * The credentials of the first scheme whose options were given (in the spec's order), else of the
 * first scheme, refusing a missing or blank secret with `invalid_input` naming the option.
 */
export function credentialsFrom(provider: string, schemes: readonly CredentialScheme[], options: object): Credentials {
  const given = options as Record<string, unknown>;
  const first = (s: CredentialScheme) => (s.kind === 'basic' ? s.username : s.option);
  const chosen = schemes.find((s) => given[first(s)] !== undefined) ?? schemes[0]!;
  const secret = (option: string) => requireSecret(provider, option, given[option]);
  // Basic credentials travel base64-encoded, so any character is fine there.
  if (chosen.kind === 'basic') return basic(secret(chosen.username), secret(chosen.password));
  return scheme(chosen.prefix, requireHeaderSafe(provider, chosen.option, secret(chosen.option)));
}
