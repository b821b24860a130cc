import { invalidInput } from './errors.js';

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Refuses a base URL that would send credentials in clear text: `https` only, except loopback
 * hosts (local mock servers) or when the caller opts in with `allowInsecureHttp`.
 */
export function checkBaseUrl(provider: string, baseUrl: string, allowInsecureHttp = false): string {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!url) throw invalidInput(provider, `baseUrl ${JSON.stringify(baseUrl)} is not a valid URL`, 'baseUrl');
  const { protocol, hostname } = url;
  if (protocol !== 'https:' && !(protocol === 'http:' && (allowInsecureHttp || LOOPBACK.test(hostname)))) {
    throw invalidInput(provider, `baseUrl must use https (got ${protocol}//${url.host}); plain http is allowed only for loopback hosts or with allowInsecureHttp: true`, 'baseUrl');
  }
  return baseUrl.replace(/\/+$/, '');
}
