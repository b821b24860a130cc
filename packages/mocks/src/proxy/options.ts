// What the proxy is asked to do (`--proxy bird=https://…`, `startMocks({ proxy })`), checked before
// anything starts: a mistake gets a ProxyOptionsError naming it, never a half-started run.

/** A proxy setting that cannot be used: an unknown vendor, a URL that is not http(s), a vendor named twice… */
export class ProxyOptionsError extends TypeError {
  override name = 'ProxyOptionsError';
}

/** What the proxy settings of startMocks() say, checked. */
export interface ProxySettings {
  /** Each proxied vendor's upstream base URL. */
  targets: Map<string, URL>;
  driftReport?: string;
  strict: boolean;
  timeoutMs: number;
}

export interface ProxyInput {
  proxy?: unknown;
  driftReport?: unknown;
  strict?: unknown;
  proxyTimeoutMs?: unknown;
}

/** How long the upstream may stay silent before the caller gets a 502. */
export const DEFAULT_PROXY_TIMEOUT_MS = 30_000;

/**
 * Checks the proxy settings against the vendors `served` (all of them `registered`): each proxied
 * vendor is served here, each upstream an http(s) URL without credentials, query or fragment.
 */
export function proxySettings(input: ProxyInput, served: readonly string[], registered: readonly string[]): ProxySettings {
  const { proxy, driftReport, strict, proxyTimeoutMs } = input;
  if (proxy !== undefined && (proxy === null || typeof proxy !== 'object' || Array.isArray(proxy))) {
    throw new ProxyOptionsError(`proxy must be an object of vendor → upstream URL, e.g. { bird: 'https://api.bird.com' }; got ${describe(proxy)}`);
  }
  const targets = new Map<string, URL>();
  for (const [vendor, url] of Object.entries((proxy ?? {}) as Record<string, unknown>)) {
    if (!registered.includes(vendor)) throw new ProxyOptionsError(`cannot proxy unknown vendor ${JSON.stringify(vendor)}; use ${registered.join(', ')}`);
    if (!served.includes(vendor)) throw new ProxyOptionsError(`cannot proxy ${vendor}: it is not among the vendors served (${served.join(', ')})`);
    targets.set(vendor, upstreamUrl(vendor, url));
  }
  if (driftReport !== undefined && (typeof driftReport !== 'string' || !driftReport)) throw new ProxyOptionsError(`driftReport must be a file path; got ${describe(driftReport)}`);
  if (strict !== undefined && typeof strict !== 'boolean') throw new ProxyOptionsError(`strict must be true or false; got ${describe(strict)}`);
  if (proxyTimeoutMs !== undefined && !(Number.isInteger(proxyTimeoutMs) && (proxyTimeoutMs as number) > 0)) {
    throw new ProxyOptionsError(`proxyTimeoutMs must be a positive whole number of milliseconds; got ${describe(proxyTimeoutMs)}`);
  }
  if (!targets.size) {
    // Settings that only mean something for a proxy would be silently ignored: say so instead.
    const orphan = driftReport !== undefined ? 'a drift report (--drift-report, driftReport)' : strict ? 'strict (--strict)' : proxyTimeoutMs !== undefined ? 'proxyTimeoutMs' : undefined;
    if (orphan) throw new ProxyOptionsError(`${orphan} applies to proxied vendors only; proxy one with --proxy <vendor>=<upstream URL> (in code: proxy: { <vendor>: '<upstream URL>' })`);
  }
  return {
    targets,
    ...(driftReport !== undefined ? { driftReport: driftReport as string } : {}),
    strict: strict === true,
    timeoutMs: (proxyTimeoutMs as number | undefined) ?? DEFAULT_PROXY_TIMEOUT_MS,
  };
}

function upstreamUrl(vendor: string, value: unknown): URL {
  const bad = (why: string) => new ProxyOptionsError(`the upstream of ${vendor} ${why}; got ${describe(value)}`);
  if (typeof value !== 'string') throw bad('must be a URL string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad('must be an absolute http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad('must be an http:// or https:// URL');
  if (url.username || url.password) throw bad('must carry no credentials (the caller sends its own)');
  if (url.search || url.hash) throw bad('must have no query or fragment (each request brings its own)');
  return url;
}

/** `--proxy` values (`<vendor>=<upstream URL>`, repeatable) as startMocks' `proxy` object. */
export function parseProxyFlags(values: readonly string[]): Record<string, string> {
  const proxy: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1) throw new ProxyOptionsError(`--proxy takes <vendor>=<upstream URL>, e.g. --proxy bird=https://api.bird.com; got ${JSON.stringify(value)}`);
    const vendor = value.slice(0, at).trim();
    if (Object.hasOwn(proxy, vendor)) throw new ProxyOptionsError(`--proxy names ${vendor} twice`);
    proxy[vendor] = value.slice(at + 1).trim();
  }
  return proxy;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
