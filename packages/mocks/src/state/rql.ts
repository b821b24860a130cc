// A small reader of SoftwareOne's Resource Query Language, enough for a mock's list: the filter
// terms appended to the query string as they are (`?eq(status,Active)&limit=20`) and the
// shortcut `?status=Active`. Supported: eq, ne, in, out, ilike (`*` wildcard), and, or, not, and
// the constants null() and empty(). A term this reader cannot parse, or an operator it does not
// know (gt, any, …), is ignored, so the list is wider than the platform's would be, never wrong
// in the other direction.
import { valueAt } from './paging.js';

type Node = { call: string; args: Arg[] };
type Arg = Node | string | string[];

/** A record filter, or undefined for a term that cannot be parsed or is not supported. */
export type Filter = (record: unknown) => boolean;

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  node(): Node {
    const name = /^[A-Za-z]+/.exec(this.text.slice(this.at))?.[0];
    if (!name) throw new SyntaxError('operator expected');
    this.at += name.length;
    this.expect('(');
    const args: Arg[] = [];
    if (this.peek() !== ')') {
      args.push(this.arg());
      while (this.peek() === ',') {
        this.at++;
        args.push(this.arg());
      }
    }
    this.expect(')');
    return { call: name.toLowerCase(), args };
  }

  private arg(): Arg {
    if (this.peek() === '(') {
      this.at++;
      const list = [this.value()];
      while (this.peek() === ',') {
        this.at++;
        list.push(this.value());
      }
      this.expect(')');
      return list;
    }
    if (/^[A-Za-z]+\(/.test(this.text.slice(this.at))) return this.node();
    return this.value();
  }

  private value(): string {
    const quote = this.peek();
    if (quote === '"' || quote === "'") {
      const end = this.text.indexOf(quote, this.at + 1);
      if (end < 0) throw new SyntaxError('unterminated quote');
      const value = this.text.slice(this.at + 1, end);
      this.at = end + 1;
      return value;
    }
    const match = /^[^,()]*/.exec(this.text.slice(this.at))![0];
    this.at += match.length;
    return match.trim();
  }

  private peek(): string | undefined {
    return this.text[this.at];
  }

  private expect(char: string) {
    if (this.text[this.at] !== char) throw new SyntaxError(`${char} expected`);
    this.at++;
  }
}

function constant(arg: Arg): { value: string } | { null: true } | { empty: true } | undefined {
  if (typeof arg === 'string') return { value: arg };
  if (!Array.isArray(arg) && arg.args.length === 0 && arg.call === 'null') return { null: true };
  if (!Array.isArray(arg) && arg.args.length === 0 && arg.call === 'empty') return { empty: true };
  return undefined;
}

function matches(actual: unknown, expected: NonNullable<ReturnType<typeof constant>>): boolean {
  if ('null' in expected) return actual === null || actual === undefined;
  if ('empty' in expected) return actual === '' || (Array.isArray(actual) && actual.length === 0);
  return actual !== null && actual !== undefined && typeof actual !== 'object' && String(actual) === expected.value;
}

function like(actual: unknown, pattern: string): boolean {
  if (actual === null || actual === undefined || typeof actual === 'object') return false;
  const source = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 'i').test(String(actual));
}

function compile(node: Node): Filter {
  const [first, second] = node.args;
  switch (node.call) {
    case 'and':
    case 'or':
    case 'not': {
      const parts = node.args.map((arg) => {
        if (typeof arg === 'string' || Array.isArray(arg)) throw new SyntaxError(`${node.call} takes expressions`);
        return compile(arg);
      });
      if (node.call === 'not') {
        if (parts.length !== 1) throw new SyntaxError('not takes one expression');
        return (record) => !parts[0]!(record);
      }
      return node.call === 'and' ? (record) => parts.every((part) => part(record)) : (record) => parts.some((part) => part(record));
    }
    case 'eq':
    case 'ne':
    case 'ilike': {
      if (node.args.length !== 2 || typeof first !== 'string' || second === undefined) throw new SyntaxError(`${node.call}(field,value)`);
      const expected = constant(second);
      if (!expected) throw new SyntaxError('value expected');
      if (node.call === 'ilike') {
        if (!('value' in expected)) throw new SyntaxError('ilike takes a pattern');
        return (record) => like(valueAt(record, first), expected.value);
      }
      const equal = (record: unknown) => matches(valueAt(record, first), expected);
      return node.call === 'eq' ? equal : (record) => !equal(record);
    }
    case 'in':
    case 'out': {
      if (node.args.length !== 2 || typeof first !== 'string' || !Array.isArray(second)) throw new SyntaxError(`${node.call}(field,(a,b))`);
      const inList = (record: unknown) => second.some((value) => matches(valueAt(record, first), { value }));
      return node.call === 'in' ? inList : (record) => !inList(record);
    }
    default:
      throw new SyntaxError(`unsupported operator ${node.call}`);
  }
}

/** A filter for one RQL term (`eq(status,Active)`), or undefined when it cannot be read. */
export function rqlFilter(term: string): Filter | undefined {
  try {
    const reader = new Reader(term);
    const node = reader.node();
    return reader.done() ? compile(node) : undefined;
  } catch {
    return undefined;
  }
}

export interface QueryFilters {
  filter: Filter;
  /** The terms that were ignored: not RQL this reader understands. */
  ignored: string[];
}

/**
 * The filters of a query string: every RQL term (a parameter whose name opens a call, its `=`
 * put back when the term held one) and every shortcut `field=value` whose name is not one of
 * `reserved` (limit, offset, select, order). All of them must hold.
 */
export function queryFilters(query: URLSearchParams, reserved: ReadonlySet<string>): QueryFilters {
  const filters: Filter[] = [];
  const ignored: string[] = [];
  for (const [name, value] of query) {
    if (reserved.has(name)) continue;
    const term = /^[A-Za-z]+\(/.test(name) ? (value === '' ? name : `${name}=${value}`) : undefined;
    const filter = term === undefined ? (/^[\w.$]+$/.test(name) ? shortcut(name, value) : undefined) : rqlFilter(term);
    if (filter) filters.push(filter);
    else ignored.push(term ?? `${name}=${value}`);
  }
  return { filter: (record) => filters.every((filter) => filter(record)), ignored };
}

function shortcut(field: string, value: string): Filter {
  return (record) => matches(valueAt(record, field), { value });
}
