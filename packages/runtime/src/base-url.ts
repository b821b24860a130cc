import { ParleyError } from './errors.js';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Refuses a base URL that would send credentials in clear text: `https` only, except loopback
 * hosts (local mock servers) or when the caller opts in with `allowInsecureHttp`.
 */
export function checkBaseUrl(provider: string, baseUrl: string, allowInsecureHttp = false): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ParleyError('invalid_input', `${provider}: baseUrl ${JSON.stringify(baseUrl)} is not a valid URL`, { provider });
  }
  const loopback = LOOPBACK.test(url.hostname) || url.hostname.endsWith('.localhost');
  if (url.protocol === 'https:' || (url.protocol === 'http:' && (loopback || allowInsecureHttp))) {
    return baseUrl.replace(/\/+$/, '');
  }
  throw new ParleyError(
    'invalid_input',
    `${provider}: baseUrl must use https (got ${url.protocol}//${url.host}); plain http is allowed only for loopback hosts or with allowInsecureHttp: true`,
    { provider },
  );
}
