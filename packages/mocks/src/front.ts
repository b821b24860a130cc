// The mock's front door: an HTTP server in this process that answers what Prism cannot judge
// (see credential-check.ts) and forwards everything else to Prism, bodies streamed both ways over
// kept-alive connections. Behaviour the mocks add on top of Prism belongs here.
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer the front gives itself, without asking Prism. */
export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface FrontOptions {
  /** Prism's base URL: every request not answered here goes there. */
  upstream: string;
  host: string;
  /** 0 for a free ephemeral port. */
  port: number;
  /** Answers a request itself instead of forwarding it, when it returns an answer. */
  intercept?: (request: IncomingMessage) => CannedResponse | undefined;
}

export interface Front {
  readonly url: string;
  readonly port: number;
  /** Stops listening, drops every connection (kept-alive ones too) and resolves once closed. */
  close(): Promise<void>;
}

// Per-connection headers are not forwarded: each side of the front has its own connection.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'upgrade']);

function endToEnd(raw: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  return kept;
}

/** The CORS headers Prism (started with `cors: true`) puts on its own answers, so the front's look the same to a browser. */
function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': '*',
  };
}

/** Whether the request carries a body to stream on (RFC 9112: a length or a transfer coding). */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function reply(request: IncomingMessage, response: ServerResponse, answer: CannedResponse) {
  request.resume(); // drain the unread body, so a kept-alive connection stays usable
  const body = answer.body ?? '';
  response.writeHead(answer.status, { ...corsHeaders(request), ...answer.headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}

/** Starts the front on `host:port`, forwarding to `upstream`; rejects with the listen error (EADDRINUSE). */
export async function startFront(options: FrontOptions): Promise<Front> {
  const upstream = new URL(options.upstream);
  // Idle sockets are dropped before Prism's own 5 s keep-alive timeout, so a request is never
  // written to a socket Prism is closing.
  const agent = new Agent({ keepAlive: true, timeout: 4_000 });

  const forward = (request: IncomingMessage, response: ServerResponse) => {
    const outgoing = httpRequest(
      {
        agent,
        hostname: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: endToEnd(request.rawHeaders),
      },
      (incoming) => {
        response.writeHead(incoming.statusCode ?? 502, incoming.statusMessage, endToEnd(incoming.rawHeaders));
        incoming.on('error', () => response.destroy());
        incoming.pipe(response);
      },
    );
    outgoing.on('error', (error) => {
      if (response.headersSent) response.destroy(); // cut short: the client sees a broken body, not a wrong one
      else reply(request, response, { status: 502, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'The Prism mock behind this port did not answer', detail: error.message }) });
    });
    // The client going away mid-request abandons Prism's answer too.
    response.on('close', () => {
      if (!response.writableFinished) outgoing.destroy();
    });
    // `pipe`, not `pipeline`: pipeline's abort signals cost more than the rest of the forwarding.
    if (hasBody(request)) request.pipe(outgoing);
    else outgoing.end();
  };

  const server = createServer((request, response) => {
    const answer = options.intercept?.(request);
    if (answer) reply(request, response, answer);
    else forward(request, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      })),
  };
}
