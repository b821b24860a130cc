import type { ClientContext } from './client-context.js';
import type { ApiResult } from './operation.js';
import { redactValue } from './redact.js';

/** How a success body with nothing in it is read: as no data, or as a broken answer. */
export interface BodyRules {
  /** Success statuses the spec declares without a body; undefined: any (raw client calls). */
  noContent?: readonly number[] | undefined;
}

/** An answer after reading: success data parsed once, or the reason it is unusable; error bodies scrubbed. */
export type ReadAnswer = { result: ApiResult; broken?: undefined } | { broken: string; result?: undefined };

/** Reads what openapi-fetch returned for one attempt, asked with `parseAs: 'text'` when `text` is set. */
export function readAnswer(context: ClientContext, result: ApiResult, rules: BodyRules, text: boolean): ReadAnswer {
  const { response } = result;
  if (!response.ok) return { result: { error: redactValue(result.error, context.redact), response } };
  let data = result.data;
  if (text) {
    const raw = (data as string | undefined) ?? '';
    data = undefined;
    if (raw.trim()) {
      try {
        data = JSON.parse(raw);
      } catch {
        return { broken: `a body that is not JSON: ${quoteBody(context.redact(raw))}` };
      }
    }
  }
  if (rules.noContent && (data ?? undefined) === undefined && !rules.noContent.includes(response.status)) {
    return { broken: data === null ? 'null for a body' : 'an empty body where the spec promises one' };
  }
  // A success status whose body says it failed (Nexudus `WasSuccessful: false`) is an error answer.
  if (data !== undefined && context.profile.failureIn?.(data)) return { result: { error: redactValue(data, context.redact), response } };
  return { result: { data, response } };
}

/** The start of a body for an error message: one line, at most `max` characters. */
export function quoteBody(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > max ? `${line.slice(0, max)}…` : line);
}
