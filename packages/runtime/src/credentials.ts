import { basic, scheme, type Credentials } from './auth.js';
import { requireSecret } from './errors.js';
import { requireHeaderSafe } from './headers.js';

/**
 * One way a vendor accepts credentials, as its spec's `securitySchemes` says (generated into each
 * vendor package as calls of `prefixedScheme`/`basicScheme`, so that a vendor without Basic
 * authentication bundles none of it): the factory option that selects it, and how the options
 * become `Authorization`, refusing a missing or blank secret with `invalid_input` naming the option.
 */
export interface CredentialScheme {
  option: string;
  credentials(provider: string, options: Record<string, unknown>): Credentials;
}

/** `<prefix> <secret>` from one option: `Bearer <token>`, Bird's `AccessKey <key>`. */
export const prefixedScheme = (option: string, prefix: string): CredentialScheme => ({
  option,
  credentials: (provider, options) => scheme(prefix, requireHeaderSafe(provider, option, requireSecret(provider, option, options[option]))),
});

/** `Basic base64(user:password)` from two options; any character is fine there, base64 carries it. */
export const basicScheme = (username: string, password: string): CredentialScheme => ({
  option: username,
  credentials: (provider, options) => basic(requireSecret(provider, username, options[username]), requireSecret(provider, password, options[password])),
});

/** The credentials of the first scheme whose option was given (in the spec's order), else of the first scheme. */
export function credentialsFrom(provider: string, schemes: readonly CredentialScheme[], options: object): Credentials {
  const given = options as Record<string, unknown>;
  return (schemes.find((s) => given[s.option] !== undefined) ?? schemes[0]!).credentials(provider, given);
}
