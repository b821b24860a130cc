import { quoteBody } from './answer.js';
import type { CallPlan } from './attempt.js';
import type { Final } from './call.js';
import type { ClientContext } from './client-context.js';
import { codeForStatus, ParleyError, type ParleyErrorCode, type ParleyErrorDetails } from './errors.js';
import { redactHeaders } from './redact.js';

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-trace-id'];

/** A call's ParleyError: "<provider> <operationId>: <message> (<n> attempts)", secrets scrubbed. */
export function failure(context: ClientContext, plan: CallPlan, attempts: number, code: ParleyErrorCode, message: string, details?: ParleyErrorDetails): ParleyError {
  const { provider } = context.profile;
  const { operationId } = plan;
  const text = `${provider} ${operationId ?? plan.method}: ${message} (${attempts} attempt${attempts === 1 ? '' : 's'})`;
  return new ParleyError(code, context.redact(text), { ...details, provider, operationId, attempts });
}

/** The ParleyError for a vendor answer that is not a success; its error body is already scrubbed. */
export function toParleyError(context: ClientContext, plan: CallPlan, { result: { response, error }, attempts, note, retryAfterMs }: Final): ParleyError {
  const { profile, redact } = context;
  const { status, headers } = response;
  const body = error && typeof error === 'object' ? error : undefined;
  const code = response.ok ? (profile.failureIn?.(body) ?? 'provider') : profile.isThrottle?.(status, headers, error) ? 'rate_limited' : codeForStatus(status);
  // A write's redirect is not followed (status 0 is a browser's opaque redirect).
  const detail = !status || (status > 299 && status < 400) ? `redirect to ${headers.get('location') ?? 'elsewhere'} not followed` : body ? profile.describe?.(body) : error ? `non-JSON body: ${quoteBody(String(error))}` : 'empty body';
  const requestId = REQUEST_ID_HEADERS.map((name) => headers.get(name)).find(Boolean) ?? (body && profile.requestId?.(body));
  return failure(context, plan, attempts, code, `HTTP ${status}${detail ? `: ${detail}` : ''}${note ? `; ${note}` : ''}`, {
    status,
    headers: redactHeaders(headers, redact),
    requestId: requestId && redact(requestId),
    body,
    retryAfterMs: code === 'rate_limited' ? retryAfterMs : undefined,
  });
}
