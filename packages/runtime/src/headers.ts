import { invalidInput } from './errors.js';

const TOKEN = /^[!#$%&'*+.^_`|~\w-]+$/;
// CR, LF, NUL, or beyond Latin-1: what fetch refuses with a TypeError that quotes the value.
const UNSENDABLE = /[\r\n\0]|[^\0-\xff]/;

/** Refuses a value no HTTP header can carry, naming `field` and never showing the value. */
export function requireHeaderSafe(provider: string, field: string, value: string): string {
  if (UNSENDABLE.test(value)) throw invalidInput(provider, `\`${field}\` cannot go in an HTTP header (CR, LF, NUL or beyond Latin-1)`, field);
  return value;
}

/** Every name and value of a plain headers object, checked before anything is sent. */
export function checkHeaders(provider: string, headers: unknown): void {
  if (headers == null || headers instanceof Headers) return; // a Headers was checked when built
  if (typeof headers !== 'object') throw invalidInput(provider, 'headers must be an object of header names to values', 'headers');
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) throw invalidInput(provider, `header name ${JSON.stringify(name)} is not a valid HTTP token`, name);
    if (value != null) requireHeaderSafe(provider, name, String(value));
  }
}
