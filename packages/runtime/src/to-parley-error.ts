import { parseBody, quoteBody } from './body.js';
import { codeForStatus, ParleyError, type ParleyErrorCode } from './errors.js';
import type { VendorProfile } from './profile.js';
import { redactHeaders, type Redactor } from './redact.js';
import { parseRetryAfter } from './retry.js';
import { attemptsText, type CallState } from './transport.js';

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-trace-id'];

/** The ParleyError for a vendor answer that is not a success. */
export function toParleyError(response: Response, state: CallState, profile: VendorProfile, redact: Redactor, operationId: string): ParleyError {
  const { status, headers } = response;
  const parsed = parseBody(state.bodyText);
  const body = parsed.kind === 'json' ? parsed.value : undefined;
  const code: ParleyErrorCode = response.ok
    ? (profile.failureIn?.(body) ?? 'provider')
    : profile.isThrottle?.(status, headers, state.bodyText)
      ? 'rate_limited'
      : codeForStatus(status);

  const detail = parsed.kind === 'json' ? profile.describe?.(body) : parsed.kind === 'text' ? `non-JSON body: ${quoteBody(parsed.text)}` : 'empty body';
  const tooLong = state.retryAfterMs
    ? `; it asks to wait ${Math.ceil(state.retryAfterMs / 1000)} s, more than the ${state.maxRetryAfterMs! / 1000} s this client waits`
    : '';
  const message = `${profile.provider} ${operationId} failed with HTTP ${status}${detail ? `: ${detail}` : ''} (${attemptsText(state.attempts)})${tooLong}`;
  const requestId = REQUEST_ID_HEADERS.map((name) => headers.get(name)).find(Boolean) ?? (body === undefined ? undefined : profile.requestId?.(body));

  return new ParleyError(code, redact(message), {
    provider: profile.provider,
    operationId,
    status,
    headers: redactHeaders(headers, redact),
    requestId: requestId ? redact(requestId) : undefined,
    attempts: state.attempts,
    body,
    retryAfterMs: code === 'rate_limited' ? (state.retryAfterMs ?? parseRetryAfter(headers.get('retry-after'))) : undefined,
  });
}
