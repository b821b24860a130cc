import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { freePort } from './free-port.js';

export interface PrismOptions {
  /** Path (or URL) of the OpenAPI document to serve. */
  spec: string;
  /** Loopback by default: mocks are for this machine. */
  host?: string;
  /** A free ephemeral port when left out. */
  port?: number;
  /**
   * Prism's `--errors`: any request or response that violates the spec becomes an error response
   * instead of a `sl-violations` warning header. Default true. (Prism 5.14 answers an invalid
   * request with the spec's 422/400, or its own 422, in either mode.)
   */
  errors?: boolean;
  /** Generate responses from the schemas instead of returning the spec's examples. */
  dynamic?: boolean;
  /** Seed for repeatable dynamic responses. */
  seed?: string;
  /** How long to wait for Prism to listen. Default 30 s. */
  startTimeoutMs?: number;
}

export interface PrismServer {
  readonly url: string;
  readonly port: number;
  /** Stops Prism and waits until its process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

export class PrismStartError extends Error {
  override name = 'PrismStartError';
  constructor(
    message: string,
    /** What Prism printed before it failed. */
    readonly output: string,
  ) {
    super(`${message}\n--- prism output ---\n${output.slice(-4000)}`);
  }
}

const prismEntry = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
const LISTENING = /Prism is listening on (http:\/\/\S+)/;
const running = new Set<() => void>();

// A test runner that exits without calling stop() must not leave Prism behind.
process.once('exit', () => {
  for (const kill of running) kill();
});

/**
 * Starts Prism on one spec as a direct child of this Node process (not through a wrapper, so
 * stopping it leaves nothing behind) and resolves once it listens.
 */
export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const host = options.host ?? '127.0.0.1';
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort(host));
    try {
      return await launch({ ...options, host, port });
    } catch (error) {
      // Another process can take an ephemeral port between freePort() and Prism's listen().
      const taken = error instanceof PrismStartError && /EADDRINUSE/.test(error.output);
      if (!taken || attempt >= attempts) throw error;
    }
  }
}

function launch(options: PrismOptions & { host: string; port: number }): Promise<PrismServer> {
  const args = [prismEntry, 'mock', options.spec, '--host', options.host, '--port', String(options.port)];
  if (options.errors ?? true) args.push('--errors');
  if (options.dynamic) args.push('--dynamic');
  if (options.seed !== undefined) args.push('--seed', options.seed);

  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  running.add(kill);
  const stop = async () => {
    running.delete(kill);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 3000);
      await exited;
      clearTimeout(timer);
    }
  };

  return new Promise<PrismServer>((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new PrismStartError(message, output)));
    };
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(() => fail(`Prism did not start within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ url: match[1], port: options.port, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error) => fail(`could not run Prism: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (!LISTENING.test(output)) fail(`Prism exited (${signal ?? `code ${code}`}) before listening`);
    });
  });
}
