// The example a drift finding carries is real traffic: it may hold the caller's credentials and
// people's data, and the report ends up in CI logs and tickets. So it is redacted before it is kept:
// the request's credentials wherever they appear, members named like secrets or personal data,
// strings shaped like emails, phone numbers or tokens (described instead); large values summarized.
// Short enum-like strings stay: a value the spec does not know (`"archived"`) is what the report is for.

export const REDACTED = '[redacted]';

/** How deep an example keeps its structure; containers below become a one-line summary. */
const MAX_DEPTH = 2;
/** Members (or items) kept per object (or array). */
const MAX_MEMBERS = 10;
/** Longer strings are cut. */
const MAX_STRING = 80;
/** A credential shorter than this is not looked for elsewhere (it would scrub ordinary text). */
const MIN_SECRET = 6;

// Words of a member's name that mark its value as a secret or as personal data.
const SENSITIVE_WORDS = new Set([
  // secrets
  'password', 'passwd', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'key', 'keys', 'apikey', 'accesskey',
  'authorization', 'auth', 'cookie', 'cookies', 'credential', 'credentials', 'signature', 'otp', 'pin', 'cvv', 'cvc', 'session', 'jwt', 'bearer',
  // personal data
  'email', 'emails', 'mail', 'phone', 'phones', 'mobile', 'msisdn', 'telephone', 'tel', 'fax',
  'name', 'names', 'firstname', 'lastname', 'fullname', 'displayname', 'username', 'surname', 'givenname', 'familyname', 'nickname',
  'address', 'addresses', 'street', 'postcode', 'postal', 'zip', 'zipcode',
  'birthday', 'birthdate', 'dob', 'ssn', 'iban', 'passport',
]);

/** The words of a member name: `displayName`, `display_name`, `Display-Name` → display, name. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether a member (or header) of this name holds a secret or personal data. */
export function isSensitiveName(name: string): boolean {
  const words = wordsOf(name);
  return words.some((word) => SENSITIVE_WORDS.has(word)) || SENSITIVE_WORDS.has(words.join(''));
}

// What strings that are data about someone, or a secret, look like; each replaced by its description.
const SHAPES: [RegExp, string, ((match: string) => boolean)?][] = [
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[jwt]'],
  [/[^\s@<>()[\]"',;:/]+@[^\s@<>()[\]"',;:/]+\.[A-Za-z]{2,}/g, '[email]'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '[uuid]'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, '[ip]'],
  // Long runs of letters and digits mixed (API keys, hashes, base64), never plain words.
  [/[A-Za-z0-9_\-+=]{20,}/g, '[token]', (match) => /\d/.test(match) && /[A-Za-z]/.test(match)],
  // 7–15 digits with a leading + or separators, standing alone (not part of an id like CHT-4821-7730-1955);
  // a date or a decimal number is not one.
  [/(?<![\w-])\+?\(?\d[\d ().-]{5,}\d(?![\w-])/g, '[phone]', (match) => isPhone(match)],
];

function isPhone(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(match) || /^\d+(\.\d+)?$/.test(match)) return /^\d{10,15}$/.test(match); // bare digits: a phone only when long
  return true;
}

/** A string with the request's credentials scrubbed, data-shaped parts described, and cut when long. */
export function redactString(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET) out = out.split(secret).join(REDACTED);
  for (const [pattern, description, accept] of SHAPES) out = out.replace(pattern, (match) => (!accept || accept(match) ? description : match));
  return out.length > MAX_STRING ? `${out.slice(0, MAX_STRING - 20)}… (${out.length} chars)` : out;
}

export interface RedactOptions {
  /** The request's credential values (credentialSecrets): scrubbed wherever they appear. */
  secrets?: readonly string[];
  /** The member name (or header name) the value sits under: a sensitive one redacts it whole. */
  name?: string;
}

/** The value as a drift report may show it. */
export function redactExample(value: unknown, options: RedactOptions = {}): unknown {
  if (options.name !== undefined && isSensitiveName(options.name)) return REDACTED;
  return summarize(value, 0, options.secrets ?? []);
}

function summarize(value: unknown, depth: number, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactString(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return `[${value.length} items]`;
    const kept = value.slice(0, MAX_MEMBERS).map((item) => summarize(item, depth + 1, secrets));
    return value.length > MAX_MEMBERS ? [...kept, `… ${value.length - MAX_MEMBERS} more`] : kept;
  }
  const keys = Object.keys(value);
  if (depth >= MAX_DEPTH) return `{${keys.slice(0, MAX_MEMBERS).join(', ')}${keys.length > MAX_MEMBERS ? ', …' : ''}}`;
  const out: Record<string, unknown> = {};
  for (const key of keys.slice(0, MAX_MEMBERS)) out[key] = isSensitiveName(key) ? REDACTED : summarize((value as Record<string, unknown>)[key], depth + 1, secrets);
  if (keys.length > MAX_MEMBERS) out['…'] = `${keys.length - MAX_MEMBERS} more members`;
  return out;
}

/** Headers of the `<scheme> <credential>` form. */
const SCHEMED = new Set(['authorization', 'proxy-authorization']);
const ALWAYS_SECRET = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

/**
 * The credential values a request carries (`Authorization`'s credential and whole value, cookies,
 * the spec's API-key headers), to scrub from everything reported about it.
 */
export function credentialSecrets(headers: Readonly<Record<string, string | string[] | undefined>>, credentialHeaders: readonly string[] = []): string[] {
  const secrets = new Set<string>();
  for (const name of [...ALWAYS_SECRET, ...credentialHeaders.map((h) => h.toLowerCase())]) {
    const value = headers[name];
    for (const text of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      secrets.add(text.trim());
      if (SCHEMED.has(name)) secrets.add(text.replace(/^\s*[A-Za-z][\w.+-]*\s+/, '').trim());
      if (name === 'cookie' || name === 'set-cookie') for (const pair of text.split(';')) secrets.add(pair.slice(pair.indexOf('=') + 1).trim());
    }
  }
  // The longest first: a whole value goes before the credential inside it.
  return [...secrets].filter((secret) => secret.length >= MIN_SECRET).sort((a, b) => b.length - a.length);
}

/** A header's value as a finding shows it: a credential header keeps its scheme only (`Bearer [redacted]`). */
export function redactHeader(name: string, value: string, secrets: readonly string[], credentialHeaders: readonly string[] = []): string {
  const lower = name.toLowerCase();
  if (SCHEMED.has(lower)) {
    const scheme = /^\s*([A-Za-z][\w.+-]*)\s+\S/.exec(value);
    return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
  }
  if (ALWAYS_SECRET.includes(lower) || credentialHeaders.some((h) => h.toLowerCase() === lower) || isSensitiveName(lower)) return REDACTED;
  return redactString(value, secrets);
}
