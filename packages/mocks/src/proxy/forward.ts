// Forwards one request to the real vendor as the caller sent it (its headers and credentials, its
// body's bytes; only `Host` and the per-connection headers change) and reads the whole answer, which
// the proxy then passes on unchanged. The upstream's base path prefixes the request's path.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { connectionListed, endToEnd } from '../hop-by-hop.js';

/** The upstream's answer, read in full. */
export interface ForwardedAnswer {
  status: number;
  statusMessage: string | undefined;
  /** End-to-end headers as sent, as a flat name/value list. */
  rawHeaders: string[];
  /** Lower-case names. */
  headers: IncomingHttpHeaders;
  /** The body's bytes as they came (still compressed, if they were). */
  body: Buffer;
}

/** Why the upstream gave no answer. */
export type UpstreamFailure = 'unreachable' | 'timeout' | 'reset' | 'tls';

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    readonly failure: UpstreamFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface Forwarder {
  forward(request: IncomingMessage, body: Buffer | undefined, response: ServerResponse): Promise<ForwardedAnswer>;
  close(): void;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** A forwarder to `target` (http or https), giving up after `timeoutMs` without a byte from it. */
export function forwarder(target: URL, timeoutMs: number): Forwarder {
  const secure = target.protocol === 'https:';
  // Kept-alive sockets idle for 4 s are dropped, before most servers drop them, so that a request
  // is seldom written to a socket the upstream is closing (and is retried once when it is).
  const agent = secure ? new HttpsAgent({ keepAlive: true, timeout: 4_000 }) : new HttpAgent({ keepAlive: true, timeout: 4_000 });
  const send = secure ? httpsRequest : httpRequest;
  const basePath = target.pathname.replace(/\/+$/, '');

  const once = (request: IncomingMessage, body: Buffer | undefined, response: ServerResponse, retried: boolean): Promise<ForwardedAnswer> =>
    new Promise((resolve, reject) => {
      const headers = endToEnd(request.rawHeaders, connectionListed(request.headers.connection));
      const kept: string[] = [];
      for (let i = 0; i < headers.length; i += 2) if (headers[i]!.toLowerCase() !== 'host') kept.push(headers[i]!, headers[i + 1]!);
      kept.push('Host', target.host);
      const outgoing = send({ agent, protocol: target.protocol, hostname: target.hostname.replace(/^\[|\]$/g, ''), port: target.port, method: request.method, path: `${basePath}${request.url ?? '/'}`, headers: kept }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.once('end', () => {
          if (!incoming.complete) return reject(new UpstreamError('reset', 'the upstream closed the connection before its answer was complete'));
          resolve({
            status: incoming.statusCode ?? 502,
            statusMessage: incoming.statusMessage,
            rawHeaders: endToEnd(incoming.rawHeaders, connectionListed(incoming.headers.connection)),
            headers: incoming.headers,
            body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
          });
        });
        incoming.once('error', (error) => reject(upstreamError(error)));
      });
      outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new UpstreamError('timeout', `the upstream sent nothing for ${timeoutMs} ms`)));
      outgoing.once('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the upstream closed meanwhile: the request never reached it.
        if (!retried && outgoing.reusedSocket && error.code === 'ECONNRESET' && IDEMPOTENT.has(request.method ?? '')) {
          once(request, body, response, true).then(resolve, reject);
        } else reject(upstreamError(error));
      });
      // The caller going away mid-request abandons the upstream's answer too.
      response.once('close', () => {
        if (!response.writableFinished) outgoing.destroy();
      });
      outgoing.end(body);
    });

  return {
    forward: (request, body, response) => once(request, body, response, false),
    close: () => agent.destroy(),
  };
}

function upstreamError(error: NodeJS.ErrnoException): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const code = error.code ?? '';
  const failure: UpstreamFailure = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL)$/.test(code)
    ? 'unreachable'
    : /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code)
      ? 'tls'
      : code === 'ETIMEDOUT'
        ? 'timeout'
        : 'reset';
  return new UpstreamError(failure, error.message || code);
}
