import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { credentialCheck, type CredentialRule } from './credential-check.js';
import { freePort } from './free-port.js';
import { startFront, type Front } from './front.js';
import type { PrismProcessEvent, PrismProcessOptions } from './prism-process.js';

export interface PrismOptions {
  /** Path of the OpenAPI document to serve. */
  spec: string;
  /** Loopback by default: mocks are for this machine. */
  host?: string;
  /** A free ephemeral port when left out. */
  port?: number;
  /** Reject requests that break the spec with its 422/400 (or Prism's own 422). Default true. */
  validate?: boolean;
  /**
   * Prism's `--errors`: a response that violates the spec becomes an error instead of a
   * `sl-violations` warning header. Default true.
   */
  errors?: boolean;
  /** Generate responses from the schemas instead of returning the spec's examples. */
  dynamic?: boolean;
  /** Seed for repeatable dynamic responses. */
  seed?: string;
  /** How long to wait for Prism to listen. Default 30 s. */
  startTimeoutMs?: number;
  /** Receives each of Prism's log lines (JSON). */
  onLog?: (line: string) => void;
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
    super(output.trim() ? `${message}\n--- prism output ---\n${output.slice(-4000)}` : message);
  }
}

const entry = fileURLToPath(new URL('./prism-process.js', import.meta.url));
const running = new Set<() => void>();

// A runner that exits without calling stop() must not leave Prism behind.
process.once('exit', () => {
  for (const kill of running) kill();
});

/**
 * Starts Prism on one spec as a child of this process, behind the mock front (front.ts: it refuses
 * what Prism cannot judge, such as a credential without the spec's prefix) on `host` and `port`,
 * and resolves once both listen.
 */
export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const host = options.host ?? '127.0.0.1';
  const prism = await startUpstream(options);
  let front: Front;
  try {
    front = await startFront({ upstream: prism.url, host, port: options.port ?? 0, intercept: credentialCheck(prism.credentialRules) });
  } catch (error) {
    await prism.stop();
    const { code, message } = error as NodeJS.ErrnoException;
    throw new PrismStartError(code === 'EADDRINUSE' ? `port ${options.port} on ${host} is already in use` : `could not listen on ${host}: ${message}`, '');
  }
  const stop = async () => {
    await front.close();
    await prism.stop();
  };
  return { url: front.url, port: front.port, stop };
}

/** Prism itself, reachable only through the front: loopback, on a free port. */
interface Upstream extends PrismServer {
  readonly credentialRules: CredentialRule[];
}

async function startUpstream(options: PrismOptions): Promise<Upstream> {
  const host = '127.0.0.1';
  for (let attempt = 1; ; attempt++) {
    const port = await freePort(host);
    try {
      return await launch(options, { host, port });
    } catch (error) {
      // Another process can take an ephemeral port between freePort() and Prism's listen().
      if (!(error instanceof PortInUseError) || attempt >= 3) throw error;
    }
  }
}

class PortInUseError extends PrismStartError {}

function launch(options: PrismOptions, where: { host: string; port: number }): Promise<Upstream> {
  const settings: PrismProcessOptions = {
    spec: options.spec,
    ...where,
    validate: options.validate ?? true,
    errors: options.errors ?? true,
    dynamic: options.dynamic ?? false,
    seed: options.seed,
  };
  // An IPC channel lets the child notice when this process dies, however it dies.
  const child = spawn(process.execPath, [entry, JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  child.unref();
  child.channel?.unref();
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const kill = () => {
    if (alive()) child.kill('SIGKILL');
  };
  running.add(kill);
  const stop = async () => {
    running.delete(kill);
    if (alive()) {
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 3000);
      await exited;
      clearTimeout(timer);
    }
  };

  return new Promise<Upstream>((resolve, reject) => {
    let settled = false;
    const fail = (error: PrismStartError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(error));
    };
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(() => fail(new PrismStartError(`Prism did not start within ${timeoutMs} ms`, output)), timeoutMs);

    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const event = parseEvent(line);
        if (!event) {
          if (!settled) output += `${line}\n`; // kept for a start failure only: a running mock logs every request
          options.onLog?.(line);
        } else if (event.event === 'listening' && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve({ url: event.url, port: where.port, stop, credentialRules: event.credentialRules });
        } else if (event.event === 'failed') {
          const inUse = /EADDRINUSE/.test(event.reason);
          const message = inUse
            ? `port ${where.port} on ${where.host} is already in use`
            : `Prism could not serve ${options.spec}: ${event.reason}`;
          fail(inUse ? new PortInUseError(message, output) : new PrismStartError(message, output));
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (!settled) output += chunk.toString();
    });
    child.once('error', (error) => fail(new PrismStartError(`could not run Prism: ${error.message}`, output)));
    child.once('exit', (code, signal) => fail(new PrismStartError(`Prism exited (${signal ?? `code ${code}`}) before listening`, output)));
  });
}

function parseEvent(line: string): PrismProcessEvent | undefined {
  if (!line.startsWith('{"event":')) return undefined;
  try {
    return JSON.parse(line) as PrismProcessEvent;
  } catch {
    return undefined;
  }
}
