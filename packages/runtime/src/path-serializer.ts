import { invalidInput } from './errors.js';

/**
 * Fills `{name}` placeholders so that each value stays inside its own path segment: values are
 * percent-encoded (so `/`, `?`, `#` and `%` lose their meaning), and `.`/`..`, which URL parsers
 * resolve as "this" and "parent" segments whatever their encoding, are refused.
 */
export function createPathSerializer(provider: string) {
  return (pathname: string, params: Record<string, unknown> = {}): string =>
    pathname.replace(/\{([^{}]+)\}/g, (_, name: string) => {
      const value = params[name];
      // Nothing, or a `.`/`..` segment, would send the request to another path.
      if (!(typeof value === 'string' || Number.isFinite(value)) || /^\.{0,2}$/.test(String(value))) {
        throw invalidInput(provider, `path parameter \`${name}\` must be a non-empty string or number other than . or ..`, name);
      }
      return encodeURIComponent(String(value));
    });
}
