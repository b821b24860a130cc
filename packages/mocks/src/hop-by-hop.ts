// Per-connection headers (RFC 9110 §7.6.1) are not passed on: each side of the front, or of the
// proxy, has its own connection.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'upgrade']);

/** The end-to-end headers of a raw name/value list; `extra` names more to drop (those a `Connection` header lists). */
export function endToEnd(raw: readonly string[], extra?: ReadonlySet<string>): string[] {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(name) && !extra?.has(name)) kept.push(raw[i]!, raw[i + 1]!);
  }
  return kept;
}

/** The header names a message's `Connection` header lists: hop-by-hop too. */
export function connectionListed(connection: string | string[] | undefined): Set<string> | undefined {
  if (!connection) return undefined;
  const names = (Array.isArray(connection) ? connection.join(',') : connection).split(',').map((name) => name.trim().toLowerCase());
  return new Set(names.filter((name) => name && name !== 'close' && name !== 'keep-alive'));
}
