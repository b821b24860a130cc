import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { freePort } from './free-port.js';
import { startFront, type Front } from './front.js';
import type { ArmedFault, FaultSpec, JournalEntry, JournalFilter } from './public-types.js';
import type { SpecModel } from './operations.js';
import type { PrismProcessEvent, PrismProcessOptions } from './prism-process.js';
import { stateFor } from './state/index.js';
import type { VendorState, VendorStateFactory } from './state/types.js';

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
  /**
   * Remember writes the way the vendor applies them, starting from the spec's named examples
   * (the vendor's state module, see state/). Requests are still validated by Prism first; an
   * answer forced with `Prefer: code=`, `example=` or `dynamic=true` is Prism's. Default true;
   * false answers every request from the spec's examples, as Prism alone does. Off with `dynamic`:
   * generated answers, not records seeded from the examples.
   */
  stateful?: boolean;
  /**
   * The vendor whose state module applies (`softwareone`, `bird`…). Default: read from the spec's
   * file name (`<vendor>.openapi.yaml`, or `<vendor>/openapi.yaml`). A vendor without a state
   * module stays stateless.
   */
  vendor?: string;
  /** Builds the state instead of the vendor's own module (for a spec of your own, or a test). */
  state?: VendorStateFactory;
  /** How many requests the journal keeps, the oldest going first. Default 1000. */
  journalLimit?: number;
}

export interface PrismServer {
  readonly url: string;
  readonly port: number;
  /** The requests this mock received, in order, credentials redacted (also `GET /__parley/journal`). */
  journal(filter?: JournalFilter): JournalEntry[];
  /** Empties the journal (also `DELETE /__parley/journal`). */
  clearJournal(): void;
  /** Arms a fault for the next calls of one operation or of all (also `POST /__parley/faults`). Throws on a bad spec. */
  fault(spec: FaultSpec): ArmedFault;
  /** Disarms every fault (also `DELETE /__parley/faults`). */
  clearFaults(): void;
  /** Back to the state built from the spec's examples (also `POST /__parley/reset`); false for a stateless mock. */
  reset(): boolean;
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
  // The state is built from the spec while Prism starts.
  const [prism, state] = await Promise.all([startUpstream(options), loadState(options).catch((error: unknown) => error as Error)]);
  if (state instanceof Error) {
    await prism.stop();
    throw new PrismStartError(`could not build the mock's state from ${options.spec}: ${state.message}`, '');
  }
  let front: Front;
  try {
    front = await startFront({
      upstream: prism.url,
      host,
      port: options.port ?? 0,
      model: prism.model,
      // Generated answers differ each time: the front must ask Prism for every one.
      dynamic: options.dynamic ?? false,
      ...(state ? { state } : {}),
      ...(options.journalLimit !== undefined ? { journalLimit: options.journalLimit } : {}),
    });
  } catch (error) {
    await prism.stop();
    const { code, message } = error as NodeJS.ErrnoException;
    throw new PrismStartError(code === 'EADDRINUSE' ? `port ${options.port} on ${host} is already in use` : `could not listen on ${host}: ${message}`, '');
  }
  const stop = async () => {
    await front.close();
    await prism.stop();
  };
  return {
    url: front.url,
    port: front.port,
    journal: (filter) => front.journal(filter),
    clearJournal: () => front.clearJournal(),
    fault: (spec) => front.fault(spec),
    clearFaults: () => front.clearFaults(),
    reset: () => front.reset(),
    stop,
  };
}

/** The vendor a spec file is for: `bird.openapi.yaml` or `bird/openapi.yaml` → `bird`. */
export function vendorOfSpec(spec: string): string {
  const file = basename(spec);
  const named = /^(.+)\.openapi\.ya?ml$/i.exec(file);
  return named ? named[1]! : basename(dirname(spec));
}

async function loadState(options: PrismOptions): Promise<VendorState | undefined> {
  if (options.stateful === false || options.dynamic) return undefined;
  const vendor = options.vendor ?? vendorOfSpec(options.spec);
  const spec = parseYaml(await readFile(options.spec, 'utf8')) as Record<string, unknown>;
  return options.state ? options.state(spec) : stateFor(vendor, spec);
}

/** Prism itself, reachable only through the front: loopback, on a free port. */
interface Upstream {
  readonly url: string;
  readonly model: SpecModel;
  stop(): Promise<void>;
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
    // Prism logs every request at info: only worth its cost (~8% of throughput) when someone reads it.
    logLevel: options.onLog ? 'info' : 'warn',
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
          resolve({ url: event.url, stop, model: event.model });
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
