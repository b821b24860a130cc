// Every request a mock received, in order, so that a QA test can assert what an app sent ("exactly
// one PUT with `AddedUsers: [555]`"). Recording is cheap (references, no copies); credentials are
// redacted and bodies parsed when the journal is read. Bounded: the oldest entries go first.
import type { IncomingHttpHeaders } from 'node:http';
import type { JournalEntry, JournalFilter, Violation } from './public-types.js';

export type { JournalEntry, JournalFilter, Violation } from './public-types.js';



/** An entry as recorded: raw parts, turned into a JournalEntry only when read. */
export interface JournalRecord {
  time: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer | undefined;
  operationId?: string;
  params?: Record<string, string>;
  valid: boolean | null;
  violations?: Violation[];
  status?: number;
  fault?: string;
  fromState?: boolean;
}

export const DEFAULT_JOURNAL_LIMIT = 1000;

const ALWAYS_SECRET = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

export class Journal {
  private records: JournalRecord[] = [];
  private readonly secret: Set<string>;

  /**
   * @param credentialHeaders lower-case names of the spec's API-key headers, redacted like `authorization`
   * @param limit how many entries are kept; the oldest go first
   */
  constructor(
    credentialHeaders: readonly string[] = [],
    readonly limit = DEFAULT_JOURNAL_LIMIT,
  ) {
    this.secret = new Set([...ALWAYS_SECRET, ...credentialHeaders.map((name) => name.toLowerCase())]);
  }

  record(record: JournalRecord): void {
    this.records.push(record);
    if (this.records.length > this.limit) this.records.splice(0, this.records.length - this.limit);
  }

  clear(): void {
    this.records = [];
  }

  get size(): number {
    return this.records.length;
  }

  /** The entries in the order the requests arrived, optionally only those of one operation or method. */
  entries(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase();
    return this.records
      .filter((r) => (!filter.operationId || r.operationId === filter.operationId) && (!method || r.method === method))
      .map((r) => this.entry(r));
  }

  private entry(record: JournalRecord): JournalEntry {
    const end = record.url.indexOf('?');
    const query: Record<string, string | string[]> = {};
    if (end >= 0) {
      for (const [name, value] of new URLSearchParams(record.url.slice(end + 1))) {
        const seen = query[name];
        query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
      }
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(record.headers)) {
      if (value !== undefined) headers[name] = this.secret.has(name) ? redact(value, SCHEMED.has(name)) : value;
    }
    const body = record.body?.length ? parseBody(record.body, record.headers['content-type']) : undefined;
    return {
      time: new Date(record.time).toISOString(),
      method: record.method,
      path: end >= 0 ? record.url.slice(0, end) : record.url,
      query,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(record.operationId !== undefined ? { operationId: record.operationId, params: record.params ?? {} } : {}),
      valid: record.valid,
      ...(record.violations?.length ? { violations: record.violations } : {}),
      ...(record.status !== undefined ? { status: record.status } : {}),
      ...(record.fault !== undefined ? { fault: record.fault } : {}),
      ...(record.fromState ? { fromState: true } : {}),
    };
  }
}

/** Headers of the `<scheme> <credential>` form. */
const SCHEMED = new Set(['authorization', 'proxy-authorization']);

/** `AccessKey <redacted>`: the scheme stays (it is what a QA engineer checks), the credential goes. */
function redact(value: string | string[], keepScheme: boolean): string | string[] {
  if (Array.isArray(value)) return value.map((v) => redact(v, keepScheme) as string);
  const scheme = keepScheme ? /^([A-Za-z][\w.+-]*) +\S/.exec(value) : null;
  return scheme ? `${scheme[1]} <redacted>` : '<redacted>';
}

/** A body as the app meant it: JSON parsed, a form as an object, any other text as text. */
export function parseBody(body: Buffer, contentType: string | undefined): unknown {
  const text = body.toString('utf8');
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
