// Routes a request to its operation by method + path template, the most literal template first, as
// Prism routes; path parameters come back percent-decoded, under the spec's names.

/** What routing needs of an operation: its method (upper case) and path template. */
export interface Routable {
  method: string;
  path: string;
}

/** A request matched to its operation. */
export interface Route<T extends Routable = Routable> {
  operation: T;
  /** Path parameters by the spec's names, percent-decoded. */
  params: Record<string, string>;
}

interface CompiledOperation<T> {
  pattern: RegExp;
  names: string[];
  operation: T;
}

/** Routes requests to the spec's operations, compiled once. */
export class Router<T extends Routable = Routable> {
  private readonly byMethod = new Map<string, CompiledOperation<T>[]>();

  constructor(readonly operations: readonly T[]) {
    for (const operation of operations) {
      const list = this.byMethod.get(operation.method) ?? [];
      const names: string[] = [];
      const source = operation.path
        .split(/(\{[^}]+\})/)
        .map((part) => {
          if (!part.startsWith('{')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(part.slice(1, -1));
          return '([^/]+)';
        })
        .join('');
      list.push({ pattern: new RegExp(`^${source}$`), names, operation });
      this.byMethod.set(operation.method, list);
    }
    // The most literal template first, as Prism routes `/a/b` before `/a/{id}`.
    for (const list of this.byMethod.values()) list.sort((a, b) => a.names.length - b.names.length);
  }

  /** The operation a request goes to, or undefined (an unknown path or method, a CORS preflight). */
  route(method: string | undefined, url: string | undefined): Route<T> | undefined {
    const candidates = this.byMethod.get(method ?? '');
    if (!candidates) return undefined;
    const raw = url ?? '/';
    const end = raw.indexOf('?');
    const path = end < 0 ? raw : raw.slice(0, end);
    for (const candidate of candidates) {
      const match = candidate.pattern.exec(path);
      if (!match) continue;
      const params: Record<string, string> = {};
      candidate.names.forEach((name, i) => (params[name] = decode(match[i + 1]!)));
      return { operation: candidate.operation, params };
    }
    return undefined;
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape: Prism judges the raw value
  }
}
