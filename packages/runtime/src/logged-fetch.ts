// A client's fetch with request and response events for its logger. Its own chunk, loaded by
// clients with a logger only; the runtime's log and redaction helpers come as arguments, as imports
// they would be shared with the main chunk and bundlers would split them into a third one.
import type { CallPlan } from './attempt.js';
import type { ClientContext } from './client-context.js';
import type { logEvent as logEventOf } from './log.js';
import type { redactHeaders as redactHeadersOf } from './redact.js';

/** Sends with request and response events for the client's logger; URL scrubbed, credentials blanked. */
export async function loggedFetch(
  context: ClientContext,
  plan: CallPlan,
  attempt: number,
  request: Request,
  fetchInit: { signal: AbortSignal },
  logEvent: typeof logEventOf,
  redactHeaders: typeof redactHeadersOf,
): Promise<Response> {
  const { redact } = context;
  const started = Date.now();
  const log = (event: object) => logEvent(context, plan, attempt, { method: request.method, url: redact(request.url), ...event });
  log({ type: 'request', headers: redactHeaders(request.headers, redact) });
  const response = await context.fetch(request, fetchInit);
  log({ type: 'response', status: response.status, ms: Date.now() - started });
  return response;
}
