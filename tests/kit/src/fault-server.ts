// A loopback HTTP server that misbehaves on cue, for tests of how clients survive faults. It binds
// 127.0.0.1 on an ephemeral port, so parallel suites never collide and nothing is reachable from
// outside the machine.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the server does with one request. */
export type Fault =
  | { kind: 'reply'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' } // never sends headers
  | { kind: 'stall-body'; status: number; partial: string } // headers and part of the body, then nothing
  | { kind: 'reset' } // destroys the connection without an answer
  | { kind: 'echo-auth'; status: number }; // an HTML page quoting the Authorization header it got

export interface SeenRequest {
  method: string;
  /** The request target exactly as it came on the request line. */
  rawUrl: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A loopback HTTP server that answers each request with the next scripted fault (the last one
 * repeats). It serves at most `maxRequests` requests and closes itself after `maxLifetimeMs`, so a
 * broken test cannot leave it running or make it loop.
 */
export async function startFaultServer({ maxRequests = 200, maxLifetimeMs = 60_000 } = {}) {
  let script: Fault[] = [{ kind: 'reply', status: 200, body: '{}' }];
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const waiting: ((request: SeenRequest) => void)[] = [];

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const received = { method: request.method ?? '', rawUrl: request.url ?? '', headers: request.headers, body };
      seen.push(received);
      for (const resolve of waiting.splice(0)) resolve(received);
      if (seen.length > maxRequests) return request.socket.destroy();
      const fault = script.length > 1 ? script.shift()! : script[0]!;
      act(fault, request, response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const lifetime = setTimeout(() => void stop(), maxLifetimeMs);
  lifetime.unref();

  async function stop() {
    clearTimeout(lifetime);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    /** Scripts the next answers; the last one repeats. Clears what was seen. */
    script(...faults: Fault[]) {
      script = faults;
      seen.length = 0;
    },
    /** Resolves when the next request has arrived, so a test can act on it instead of sleeping. */
    nextRequest(): Promise<SeenRequest> {
      return new Promise((resolve) => waiting.push(resolve));
    },
    stop,
  };
}

export type FaultServer = Awaited<ReturnType<typeof startFaultServer>>;

/**
 * The URL of a loopback port nothing listens on (one just opened and closed again), for testing
 * refused connections.
 */
export async function closedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function act(fault: Fault, request: IncomingMessage, response: ServerResponse) {
  switch (fault.kind) {
    case 'reply':
      response.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      response.end(fault.body ?? '');
      return;
    case 'hang':
      return;
    case 'stall-body':
      response.writeHead(fault.status, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write(fault.partial);
      return;
    case 'reset':
      request.socket.destroy();
      return;
    case 'echo-auth':
      response.writeHead(fault.status, { 'content-type': 'text/html' });
      response.end(`<html><body><h1>Error</h1><p>You sent: ${request.headers.authorization ?? 'nothing'}</p></body></html>`);
      return;
  }
}
