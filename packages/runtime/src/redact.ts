/** Replaces every occurrence of the client's secrets in text that may reach an error or a log. */
export type Redactor = (text: string) => string;

export const REDACTED = '[REDACTED]';

export function createRedactor(secrets: readonly string[]): Redactor {
  // Longest first, so a full header value goes before the token inside it. Strings under four
  // characters are skipped: scrubbing them would mangle ordinary text, and the full header value,
  // which contains them, is still scrubbed.
  const needles = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  return (text) => needles.reduce((out, needle) => out.split(needle).join(REDACTED), text);
}

const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Headers as a plain object, with credentials and cookies blanked and secrets scrubbed from the rest. */
export function redactHeaders(headers: Headers, redact: Redactor): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SENSITIVE_HEADERS.has(name) ? REDACTED : redact(value);
  });
  return out;
}
