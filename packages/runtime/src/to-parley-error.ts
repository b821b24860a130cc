import { parseBody, quoteBody } from './body.js';
import { codeForStatus, ParleyError, type ParleyErrorCode } from './errors.js';
import type { VendorProfile } from './profile.js';
import { redactHeaders, type Redactor } from './redact.js';
import { parseRetryAfter } from './retry.js';
import type { CallState } from './transport.js';

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-trace-id'];

/** The ParleyError for a vendor answer that is not a success. */
export function toParleyError(
  response: Response,
  state: CallState,
  context: { profile: VendorProfile; redact: Redactor; operationId: string; maxRetryAfterMs: number },
): ParleyError {
  const { profile, redact, operationId } = context;
  const parsed = parseBody(state.bodyText);
  const body = parsed.kind === 'json' ? parsed.value : undefined;
  const code: ParleyErrorCode = response.ok
    ? (profile.failureIn?.(body) ?? 'provider')
    : profile.isThrottle?.(response.status, response.headers, state.bodyText)
      ? 'rate_limited'
      : codeForStatus(response.status);

  const detail =
    parsed.kind === 'json'
      ? profile.describe?.(body)
      : parsed.kind === 'text'
        ? `non-JSON body: ${quoteBody(parsed.text)}`
        : 'empty body';
  const retryAfterMs = code === 'rate_limited' ? (state.retryAfterMs ?? parseRetryAfter(response.headers.get('retry-after'))) : undefined;
  const tooLong =
    state.retryAfterMs !== undefined
      ? `; it asks to wait ${Math.ceil(state.retryAfterMs / 1000)} s, more than the ${context.maxRetryAfterMs / 1000} s this client waits`
      : '';
  const attempts = `${state.attempts} attempt${state.attempts === 1 ? '' : 's'}`;
  const message = `${profile.provider} ${operationId} failed with HTTP ${response.status}${detail ? `: ${detail}` : ''} (${attempts})${tooLong}`;

  const requestId =
    REQUEST_ID_HEADERS.map((name) => response.headers.get(name)).find((value) => value) ??
    (body === undefined ? undefined : profile.requestId?.(body));
  return new ParleyError(code, redact(message), {
    provider: profile.provider,
    operationId,
    status: response.status,
    headers: redactHeaders(response.headers, redact),
    ...(requestId ? { requestId: redact(requestId) } : {}),
    attempts: state.attempts,
    body,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}
