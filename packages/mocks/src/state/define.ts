// What every vendor's state has in common: a memory built from the spec's examples, rebuilt by
// `reset()`, and one handler per modelled operationId. Nothing lives at module level, so two mock
// instances never share a write.
import type { StateAnswer, ValidRequest, VendorState } from './types.js';
import { isObject, type Obj } from './spec.js';

export type Handler<S> = (state: S, request: ValidRequest) => StateAnswer | undefined;

/**
 * A VendorState over a memory `seed()` builds (called again on reset). Operations without a
 * handler are left to Prism. Bodies are copied on the way out, so a caller changing an answer
 * never changes the memory.
 */
export function defineState<S>(seed: () => S, handlers: Readonly<Record<string, Handler<S>>>): VendorState {
  let state = seed();
  return {
    answer(request) {
      const handler = Object.hasOwn(handlers, request.operationId) ? handlers[request.operationId] : undefined;
      if (!handler) return undefined;
      try {
        const answer = handler(state, request);
        return answer && answer.body !== undefined ? { ...answer, body: structuredClone(answer.body) } : answer;
      } catch {
        // The contract: never throw for a valid request. Prism's own answer is the fallback.
        return undefined;
      }
    },
    reset() {
      state = seed();
    },
  };
}

/** A JSON answer. */
export function json(status: number, body: unknown): StateAnswer {
  return { status, headers: { 'content-type': 'application/json' }, body };
}

/** The request body when it is a JSON object, else an empty one. */
export function objectBody(request: ValidRequest): Obj {
  return isObject(request.body) ? request.body : {};
}

/**
 * Records by key from several example sources: the first source's records come first and win;
 * a later source only fills in the members an earlier one left out (list examples omit some).
 */
export function mergeRecords(sources: readonly unknown[][], key: (record: Obj) => unknown): Map<unknown, Obj> {
  const records = new Map<unknown, Obj>();
  for (const source of sources) {
    for (const record of source) {
      if (!isObject(record)) continue;
      const id = key(record);
      if (id === undefined || id === null) continue;
      const known = records.get(id);
      records.set(id, known ? { ...structuredClone(record), ...known } : structuredClone(record));
    }
  }
  return records;
}

/** Now as ISO 8601 with milliseconds (`2026-04-05T09:12:44.218Z`). */
export function isoNow(): string {
  return new Date().toISOString();
}
