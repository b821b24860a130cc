// Paging and query helpers the vendors' lists share. Query values arrive as Prism accepted them,
// so a number parameter is a number; the fallbacks only cover a parameter left out.

/** An integer query parameter, or the fallback when absent or not a number. */
export function intQuery(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) ? Math.trunc(value) : fallback;
}

/** A boolean query parameter (`true`/`false`, any case), or undefined when absent or neither. */
export function boolQuery(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name)?.trim().toLowerCase();
  return raw === 'true' ? true : raw === 'false' ? false : undefined;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** An opaque page token: base64 of a small JSON array, like the tokens Bird sends. */
export function encodeToken(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64');
}

/** The position a token encodes, or undefined for a token this state did not issue. */
export function decodeToken(token: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The value at a dotted path (`audit.created.at`), or undefined. */
export function valueAt(record: unknown, path: string): unknown {
  let node = record;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Orders two values for a sort: absent last, numbers and booleans by value, the rest as text. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b));
}
