import { invalidInput } from './errors.js';

const LOOPBACK = /^(.*\.)?localhost$|^127(\.\d+){3}$|^\[::1\]$/i;

/**
 * Refuses a base URL that would send credentials in clear text: `https` only, except loopback
 * hosts (local mock servers) or when the caller opts in with `allowInsecureHttp`.
 */
export function checkBaseUrl(provider: string, baseUrl: string, allowInsecureHttp = false): string {
  const { protocol, hostname } = typeof baseUrl === 'string' && URL.canParse(baseUrl) ? new URL(baseUrl) : ({} as URL);
  if (protocol !== 'https:' && !(protocol === 'http:' && (allowInsecureHttp || LOOPBACK.test(hostname)))) {
    throw invalidInput(provider, `baseUrl must be an https URL (http: only for loopback or allowInsecureHttp)`, 'baseUrl');
  }
  return baseUrl.replace(/\/+$/, '');
}
