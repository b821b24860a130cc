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
      const text = String(value);
      if ((typeof value !== 'string' && typeof value !== 'number') || !text) {
        throw invalidInput(provider, `path parameter \`${name}\` is required (got ${JSON.stringify(text)})`, name);
      }
      if (text === '.' || text === '..') throw invalidInput(provider, `path parameter \`${name}\` cannot be "${text}"`, name);
      return encodeURIComponent(text);
    });
}
