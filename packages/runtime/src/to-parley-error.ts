import { quoteBody } from './answer.js';
import type { CallPlan } from './attempt.js';
import type { Final } from './call.js';
import type { ClientContext } from './client-context.js';
import { codeForStatus, ParleyError, type ParleyErrorCode, type ParleyErrorDetails } from './errors.js';
import { redactHeaders } from './redact.js';

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-trace-id'];

/** "3 attempts": how every error message ends. */
const attemptsText = (attempts: number) => `${attempts} attempt${attempts === 1 ? '' : 's'}`;

/** The ParleyError for a call that got no usable answer (network, timeout, cancel, broken body). */
export function failure(context: ClientContext, plan: CallPlan, attempts: number, code: ParleyErrorCode, message: string, details?: ParleyErrorDetails): ParleyError {
  const { provider } = context.profile;
  const { operationId } = plan;
  const text = `${provider} ${operationId ?? plan.method}: ${message} (${attemptsText(attempts)})`;
  return new ParleyError(code, context.redact(text), { ...details, provider, operationId, attempts });
}

/** The ParleyError for a vendor answer that is not a success; its error body is already scrubbed. */
export function toParleyError(context: ClientContext, plan: CallPlan, { result, attempts, note, retryAfterMs }: Final): ParleyError {
  const { profile, redact } = context;
  const { response } = result;
  const { status, headers } = response;
  const body = typeof result.error === 'object' && result.error !== null ? result.error : undefined;
  const text = typeof result.error === 'string' ? result.error.trim() : '';
  const code: ParleyErrorCode = response.ok
    ? (profile.failureIn?.(body) ?? 'provider')
    : profile.isThrottle?.(status, headers, result.error)
      ? 'rate_limited'
      : codeForStatus(status);

  const location = headers.get('location');
  const detail =
    (status >= 300 && status < 400) || response.type === 'opaqueredirect'
      ? `a redirect${location ? ` to ${location}` : ''}, not followed for a ${plan.method}`
      : body
        ? profile.describe?.(body)
        : text
          ? `non-JSON body: ${quoteBody(text)}`
          : 'empty body';
  const message = `${profile.provider} ${plan.operationId ?? plan.method} failed with HTTP ${status}${detail ? `: ${detail}` : ''} (${attemptsText(attempts)})${note ? `; ${note}` : ''}`;
  const requestId = REQUEST_ID_HEADERS.map((name) => headers.get(name)).find(Boolean) ?? (body && profile.requestId?.(body));

  return new ParleyError(code, redact(message), {
    provider: profile.provider,
    operationId: plan.operationId,
    status,
    headers: redactHeaders(headers, redact),
    requestId: requestId ? redact(requestId) : undefined,
    attempts,
    body,
    retryAfterMs: code === 'rate_limited' ? retryAfterMs : undefined,
  });
}
