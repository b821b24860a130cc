import { invalidInput } from './errors.js';

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Refuses a base URL that would send credentials in clear text: `https` only, except loopback
 * hosts (local mock servers) or when the caller opts in with `allowInsecureHttp`.
 */
export function checkBaseUrl(provider: string, baseUrl: string, allowInsecureHttp = false): string {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : { protocol: baseUrl, hostname: '' };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (allowInsecureHttp || LOOPBACK.test(url.hostname)))) {
    throw invalidInput(provider, `baseUrl must be an https URL (http only to loopback or with allowInsecureHttp), got ${JSON.stringify(baseUrl)}`, 'baseUrl');
  }
  return baseUrl.replace(/\/+$/, '');
}
