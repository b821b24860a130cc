import { invalidInput } from './errors.js';

const TOKEN = /^[!#$%&'*+.^_`|~\w-]+$/;
// CR, LF, NUL, or beyond Latin-1: what fetch refuses with a TypeError that quotes the value.
const UNSENDABLE = /[\r\n\0]|[^\0-\xff]/;

/** Refuses a value no HTTP header can carry (or a name that is no HTTP token), naming `field`, never showing the value. */
export function requireHeaderSafe(provider: string, field: string, value: string, name = 'x'): string {
  if (UNSENDABLE.test(value) || !TOKEN.test(name)) throw invalidInput(provider, `\`${field}\` cannot go in an HTTP header`, field);
  return value;
}

/** Every name and value of a plain headers object, checked before anything is sent. */
export function checkHeaders(provider: string, headers: unknown): void {
  if (headers != null && typeof headers !== 'object') throw invalidInput(provider, 'headers must be an object', 'headers');
  // A Headers object has no own entries: it was checked when built.
  for (const [name, value] of Object.entries(headers ?? {})) requireHeaderSafe(provider, name, String(value ?? ''), name);
}
