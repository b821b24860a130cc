import type { ClientContext } from './client-context.js';
import type { ApiResult } from './operation.js';
import { redactValue } from './redact.js';

/**
 * What openapi-fetch returned for one attempt, read: JSON asked as text (when `text`) parsed once
 * here, so that a broken body can be quoted; error bodies scrubbed; a success whose body reports
 * failure (Nexudus `WasSuccessful: false`) turned into an error answer. An unusable success body
 * comes back as a string saying what is wrong with it.
 */
export function readAnswer(context: ClientContext, { data, error, response }: ApiResult, noContent: readonly number[] | undefined, text: boolean): ApiResult | string {
  const { redact, profile } = context;
  if (!response.ok) return { error: redactValue(error, redact), response };
  try {
    if (text) data = data ? JSON.parse(data as string) : undefined; // only an empty body is no body
  } catch {
    return `a body that is not JSON: ${quoteBody(redact(data as string))}`;
  }
  // `noContent` lists the statuses the spec declares without a body; raw client calls have none.
  if (noContent && data == null && !noContent.includes(response.status)) return `${data === null ? 'null for' : 'an empty'} body`;
  return data !== undefined && profile.failureIn?.(data) ? { error: redactValue(data, redact), response } : { data, response };
}

/** The start of a body for an error message. */
export const quoteBody = (text: string) => JSON.stringify(text.trim().slice(0, 200));
