// Every request a mock received, in order, so that a QA test can assert what an app sent ("exactly
// one PUT with `AddedUsers: [555]`"). Recording is cheap (references, no copies); credentials are
// redacted and bodies parsed when the journal is read. Bounded: the oldest entries go first.
import type { IncomingHttpHeaders } from 'node:http';

/** A request violation, as Prism reports it (`sl-violations`) or the front finds it. */
export interface Violation {
  location: string[];
  code: string | number;
  message: string;
  severity?: string;
}

/** One request as the journal shows it. */
export interface JournalEntry {
  /** When it arrived (ISO 8601). */
  time: string;
  method: string;
  /** The path, without the query. */
  path: string;
  /** The query's parameters; a repeated name keeps every value, in an array. */
  query: Record<string, string | string[]>;
  /** Lower-case names; credentials (`authorization`, `cookie`, API-key headers) redacted. */
  headers: Record<string, string | string[]>;
  /** The parsed JSON or form body, the text of any other body; absent without one. */
  body?: unknown;
  /** The operation it was routed to; absent for a path the spec does not have. */
  operationId?: string;
  /** The path parameters, percent-decoded, by the spec's names. */
  params?: Record<string, string>;
  /** Whether the request passed validation; `null` when nothing judged it (a fault answered first). */
  valid: boolean | null;
  /** What broke the spec, when `valid` is false. */
  violations?: Violation[];
  /** The status the mock answered; absent when a fault answered with none (a reset connection). */
  status?: number;
  /** The fault that answered (`throttle`, `latency=500`…), when one did. */
  fault?: string;
  /** Whether the vendor's state (not Prism's example) gave the answer. */
  fromState?: boolean;
}

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

export interface JournalFilter {
  operationId?: string;
  method?: string;
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
