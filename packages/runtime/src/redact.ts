import { base64 } from './auth.js';

/** Replaces every occurrence of the client's secrets in text that may reach an error or a log. */
export type Redactor = (text: string) => string;

export const REDACTED = '[REDACTED]';

/** The forms a secret can come back in as text: as is, URL-encoded, base64 of its UTF-8. */
const forms = (secret: string) => [secret, encodeURIComponent(secret), base64(secret)];

/**
 * Scrubs `holder.secrets`, read again whenever the holder is given a new list: a client whose
 * token changes (Nexudus' token grant) replaces the list, and the redactor follows.
 */
export function createRedactor(holder: { readonly secrets: readonly string[] }): Redactor {
  let known: readonly string[] | undefined;
  let needles: string[] = [];
  return (text) => {
    // Longest first, so a full header value goes before the token inside it. Strings under four
    // characters are skipped: scrubbing them would mangle ordinary text, and the full header value,
    // which contains them, is still scrubbed. JSON escapes (`\/`, `\u002B`) are undone by parsing,
    // so parsed bodies are scrubbed as values (`redactValue`), not as text.
    if (known !== holder.secrets) needles = [...new Set((known = holder.secrets).flatMap(forms).filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
    return needles.reduce((out, needle) => out.split(needle).join(REDACTED), text);
  };
}

const SENSITIVE_HEADERS = /^(proxy-)?authorization$|cookie$/;

/** Headers as a plain object, with credentials and cookies blanked and secrets scrubbed from the rest. */
export function redactHeaders(headers: Headers, redact: Redactor): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SENSITIVE_HEADERS.test(name) ? REDACTED : redact(value);
  });
  return out;
}

/**
 * A parsed body with the secrets scrubbed from every string in it, keys included. Whatever is
 * nested deeper than 64 levels (no vendor's error is) is left out rather than overflow the stack.
 */
export function redactValue(value: unknown, redact: Redactor, depth = 64): unknown {
  if (typeof value === 'string') return redact(value);
  if (!value || typeof value !== 'object') return value;
  if (!depth) return undefined;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact, depth - 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactValue(item, redact, depth - 1)]));
}
