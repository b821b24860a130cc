import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { freePort } from './free-port.js';
import { startFront, type Front } from './front.js';
import type { ArmedFault, DriftFinding, FaultSpec, JournalEntry, JournalFilter, MockControls } from './public-types.js';
import type { ProxyTarget } from './proxy/target.js';
import type { SpecModel } from './operations.js';
import { LOG_TAG } from './prism-log-tag.js';
import type { PrismProcessEvent, PrismProcessOptions, SharedPrismProcessOptions } from './prism-process.js';
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

export interface PrismServer extends MockControls {
  readonly url: string;
  readonly port: number;
  /** Stops Prism and waits until its process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** A server as startMocks() holds it: a proxied vendor's also reports drift. */
export interface MockServer extends PrismServer {
  drift(): DriftFinding[];
  clearDrift(): void;
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
export function startPrism(options: PrismOptions): Promise<PrismServer> {
  return startMock(options);
}

/** startPrism(), optionally proxying a real vendor (proxy/proxy.ts) instead of answering as the mock. */
export function startMock(options: PrismOptions, proxy?: ProxyTarget): Promise<MockServer> {
  return behindFront(options, startUpstream(options), proxy);
}

/**
 * startPrism() on several specs at once, Prism serving them all from one child process, so that its
 * modules load once (issue 15.5: loading them is most of a start); each has a front of its own.
 * Only where one process can stand for several (canShareProcess); Prism's settings (validate,
 * errors, seed, startTimeoutMs, whether anyone reads the log) are the first spec's.
 */
export function startPrismsSharing(all: readonly PrismOptions[], proxies: readonly (ProxyTarget | undefined)[] = []): Promise<MockServer>[] {
  const [first] = all;
  if (!first) return [];
  const settings: SharedPrismProcessOptions = {
    specs: all.map((options, i) => ({ id: String(i), spec: options.spec })),
    host: '127.0.0.1',
    validate: first.validate ?? true,
    errors: first.errors ?? true,
    seed: first.seed,
    logLevel: all.some((options) => options.onLog) ? 'info' : 'warn',
  };
  const specs = all.map((options, i): ChildSpec => ({ id: String(i), spec: options.spec, ...(options.onLog ? { onLog: options.onLog } : {}) }));
  const upstreams = spawnPrism(settings, specs, first.startTimeoutMs);
  return all.map((options, i) => behindFront(options, upstreams[i]!, proxies[i]));
}

/**
 * Whether startPrismsSharing() can serve these specs as startPrism() would: not for dynamic mocks
 * (json-schema-faker's options are one set per process, switched per answer only for the odd
 * `Prefer: dynamic=true`), nor for a spec that sets Faker's locale (one Faker per process).
 */
export async function canShareProcess(all: readonly PrismOptions[]): Promise<boolean> {
  if (all.length < 2 || all.some((options) => options.dynamic)) return false;
  const specs = await Promise.all(all.map((options) => readFile(options.spec, 'utf8').catch(() => '')));
  return !specs.some((text) => /x-json-schema-faker[\s\S]*\blocale\b/.test(text));
}

/** The mock on an upstream being started: the vendor's state, built meanwhile, and the front. */
async function behindFront(options: PrismOptions, upstream: Promise<Upstream>, proxy?: ProxyTarget): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  // The state is built from the spec while Prism starts; a proxied vendor's answers come from upstream.
  const [prism, state] = await Promise.all([upstream, proxy ? undefined : loadState(options).catch((error: unknown) => error as Error)]);
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
      ...(proxy ? { proxy } : {}),
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
    drift: () => front.drift(),
    clearDrift: () => front.clearDrift(),
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
  return spawnPrism(settings, [{ spec: options.spec, where, ...(options.onLog ? { onLog: options.onLog } : {}) }], options.startTimeoutMs)[0]!;
}

/** A spec a Prism child serves: its id in the child's events (none for a child of one spec), who reads its log. */
interface ChildSpec {
  id?: string;
  spec: string;
  onLog?: (line: string) => void;
  /** The port it was asked to listen on, for the error when it is taken. */
  where?: { host: string; port: number };
}

/**
 * Runs prism-process.ts on one spec, or on several (`specs` in its settings); one Upstream per
 * spec, in order. The child stops once every spec's upstream has stopped or failed: each stop()
 * resolves then, the last one after the child has exited.
 */
function spawnPrism(settings: PrismProcessOptions | SharedPrismProcessOptions, specs: ChildSpec[], timeoutMs = 30_000): Promise<Upstream>[] {
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
  const stopChild = async () => {
    running.delete(kill);
    if (alive()) {
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 3000);
      await exited;
      clearTimeout(timer);
    }
  };

  let open = specs.length;
  const served = specs.map((spec) => {
    let released = false;
    const entry = {
      spec,
      settled: false,
      /** This spec is done with; the child stops with the last. */
      release: () => {
        if (released) return Promise.resolve();
        released = true;
        return --open === 0 ? stopChild() : Promise.resolve();
      },
      resolve: (_: Upstream) => {},
      reject: (_: PrismStartError) => {},
      upstream: undefined as unknown as Promise<Upstream>,
    };
    entry.upstream = new Promise<Upstream>((resolve, reject) => Object.assign(entry, { resolve, reject }));
    return entry;
  });
  const unsettled = () => served.filter((one) => !one.settled);
  const settle = (one: (typeof served)[number]) => {
    one.settled = true;
    if (!unsettled().length) clearTimeout(timer);
  };
  const fail = (one: (typeof served)[number], error: PrismStartError) => {
    if (one.settled) return;
    settle(one);
    void one.release().then(() => one.reject(error));
  };
  const failAll = (error: PrismStartError) => {
    for (const one of unsettled()) fail(one, error);
  };
  const timer = setTimeout(() => failAll(new PrismStartError(`Prism did not start within ${timeoutMs} ms`, output)), timeoutMs);
  const byId = (id: string | undefined) => (id === undefined ? served : served.filter((one) => one.spec.id === id));

  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const event = parseEvent(line);
      if (!event) {
        if (unsettled().length) output += `${line}\n`; // kept for a start failure only: a running mock logs every request
        // A shared child tags Prism's lines with their spec; anything else is for everyone.
        const end = line.startsWith(LOG_TAG) ? line.indexOf(LOG_TAG, 1) : -1;
        if (end < 0) for (const one of served) one.spec.onLog?.(line);
        else for (const one of byId(line.slice(1, end))) one.spec.onLog?.(line.slice(end + 1));
      } else if (event.event === 'listening') {
        for (const one of byId(event.id)) {
          if (one.settled) continue;
          settle(one);
          one.resolve({ url: event.url, model: event.model, stop: one.release });
        }
      } else if (event.event === 'failed') {
        const inUse = /EADDRINUSE/.test(event.reason);
        for (const one of byId(event.id)) {
          const { where } = one.spec;
          const message = inUse && where ? `port ${where.port} on ${where.host} is already in use` : `Prism could not serve ${one.spec.spec}: ${event.reason}`;
          fail(one, inUse && where ? new PortInUseError(message, output) : new PrismStartError(message, output));
        }
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    if (unsettled().length) output += chunk.toString();
  });
  child.once('error', (error) => failAll(new PrismStartError(`could not run Prism: ${error.message}`, output)));
  child.once('exit', (code, signal) => failAll(new PrismStartError(`Prism exited (${signal ?? `code ${code}`}) before listening`, output)));
  return served.map((one) => one.upstream);
}

function parseEvent(line: string): PrismProcessEvent | undefined {
  if (!line.startsWith('{"event":')) return undefined;
  try {
    return JSON.parse(line) as PrismProcessEvent;
  } catch {
    return undefined;
  }
}
