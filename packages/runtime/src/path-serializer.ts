import { ParleyError } from './errors.js';

const PARAM = /\{([^{}]+)\}/g;

/**
 * Fills `{name}` placeholders so that each value stays inside its own path segment: values are
 * percent-encoded (so `/`, `?`, `#` and `%` lose their meaning), and `.`/`..`, which URL parsers
 * resolve as "this" and "parent" segments whatever their encoding, are refused.
 */
export function createPathSerializer(provider: string) {
  return (pathname: string, params: Record<string, unknown> | undefined): string =>
    pathname.replace(PARAM, (_, name: string) => {
      const value = params?.[name];
      if ((typeof value !== 'string' && typeof value !== 'number') || String(value) === '') {
        throw new ParleyError('invalid_input', `${provider}: path parameter \`${name}\` is required (got ${describe(value)})`, {
          provider,
        });
      }
      const text = String(value);
      if (text === '.' || text === '..') {
        throw new ParleyError('invalid_input', `${provider}: path parameter \`${name}\` cannot be "${text}"`, { provider });
      }
      return encodeURIComponent(text);
    });
}

function describe(value: unknown): string {
  return value === '' ? 'an empty string' : value === null ? 'null' : typeof value;
}
