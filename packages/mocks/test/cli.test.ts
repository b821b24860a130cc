// The `parley-mock` command as a QA engineer runs it: a real process, real signals.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freeBase } from './free-base.js';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, mockPort, VENDORS } from '../dist/index.js';
import { invalidRequest, probe } from './probe.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** `parley-mock <args>`, or with `pnpm: true` `pnpm mock -- <args>` as run from the repository; `detached` gives it a process group of its own, as a terminal does. */
function run(args: string[], how: { pnpm?: boolean; detached?: boolean } = {}) {
  const child = how.pnpm
    ? spawn('pnpm', ['mock', '--', ...args], { cwd: root, detached: how.detached, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PARLEY_MOCK_NO_BUILD: '1' } })
    : spawn(process.execPath, [bin, ...args], { detached: how.detached, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Ready when the command says so (an event, not a polling sleep); its exit first is a failure.
  const ready = () =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!/Ctrl-C stops/.test(out)) return;
        child.stdout.off('data', check);
        resolve();
      };
      child.stdout.on('data', check);
      check();
      void exit.then(() => reject(new Error(`exited before it was ready:\n${out}`)));
    });
  started.push(child.pid!);
  return { child, output: () => out, exit, ready };
}

// A failed test must not leave its mocks running: kill what is left of each command it started.
const started: number[] = [];
afterEach(() => {
  for (const [pid] of started.splice(0).flatMap(tree).reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Parent pid and command line of every process, from Linux's /proc (the machines Parley runs on). */
function processes() {
  const found = new Map<number, { ppid: number; command: string; zombie: boolean }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      found.set(Number(entry), { ppid: Number(ppid), command, zombie: state === 'Z' });
    } catch {
      // exited while being read
    }
  }
  return found;
}

/** `pid` and every process below it, as [pid, command line]. */
function tree(pid: number): [number, string][] {
  const all = processes();
  const below = [pid];
  for (let i = 0; i < below.length; i++) for (const [child, { ppid }] of all) if (ppid === below[i]) below.push(child);
  return below.map((p) => [p, all.get(p)?.command ?? '']);
}

/** Waits until none of `pids` runs any more (a zombie has exited); returns those still running after `ms`. */
async function outlived(pids: number[], ms = 10_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const all = processes();
    const running = pids.filter((pid) => all.has(pid) && !all.get(pid)!.zombie);
    if (!running.length || Date.now() > deadline) return running;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether `port` on loopback can be listened on again. */
const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

const urlsIn = (text: string) => [...text.matchAll(/^\s+([\w-]+)\s+(http:\/\/\S+)$/gm)].map((m) => [m[1]!, m[2]!] as const);


/**
 * Stops a running mock with `stop` and checks what a QA engineer relies on: every process started
 * under it has ended (checked by pid, Prism's children included) and every vendor's port is free.
 */
async function expectStopsCleanly(mock: ReturnType<typeof run>, stop: () => void, ports: number[]) {
  const started = tree(mock.child.pid!);
  // Static mocks (all of these) share one Prism process, whatever the number of vendors.
  expect(started.filter(([, command]) => command.includes('prism-process.js'))).toHaveLength(1);
  stop();
  const left = await outlived(started.map(([pid]) => pid));
  expect(started.filter(([pid]) => left.includes(pid))).toEqual([]);
  for (const port of ports) expect(await portFree(port), `port ${port}`).toBe(true);
}

describe('parley-mock', () => {
  // Every vendor for SIGTERM; one is enough to show SIGINT takes the same way out.
  it.each([
    ['SIGTERM', VENDORS],
    ['SIGINT', VENDORS.slice(0, 1)],
  ] as const)('prints the base URLs once ready and stops every child on %s', async (signal, vendors) => {
    const base = await freeBase();
    const mock = run(['--port', String(base), '--vendors', vendors.join(',')]);
    await mock.ready();
    const urls = urlsIn(mock.output());
    expect(urls).toEqual(vendors.map((vendor) => [vendor, `http://127.0.0.1:${mockPort(vendor, base)}`]));
    for (const [vendor, url] of urls) {
      const { path, headers } = probe(vendor as (typeof VENDORS)[number]);
      const missing = await fetch(`${url}${path}`, { headers: { ...headers, Prefer: 'code=404' } });
      expect(missing.status, vendor).toBe(404);
    }
    await expectStopsCleanly(mock, () => mock.child.kill(signal), vendors.map((vendor) => mockPort(vendor, base)));
    expect(await mock.exit).toBe(0);
  });

  // A terminal's Ctrl-C signals the whole process group; pnpm may die of a signal without passing it
  // on, which tools/mock.mjs notices as a change of its parent.
  const vendor = VENDORS.at(-1)!;
  it.each([
    ['parley-mock', 'Ctrl-C', { detached: true }, 'group'],
    ['pnpm mock', 'SIGTERM to pnpm', { pnpm: true }, 'SIGTERM'],
    ['pnpm mock', 'SIGINT to pnpm', { pnpm: true }, 'SIGINT'],
    ['pnpm mock', 'Ctrl-C', { pnpm: true, detached: true }, 'group'],
    ['pnpm mock', 'SIGKILL to pnpm', { pnpm: true }, 'SIGKILL'],
  ] as const)('%s: %s stops every server and frees every port', async (_, __, how, signal) => {
    const base = await freeBase();
    const mock = run(['--port', String(base), '--vendors', vendor], how);
    await mock.ready();
    const pid = mock.child.pid!;
    await expectStopsCleanly(mock, () => (signal === 'group' ? process.kill(-pid, 'SIGINT') : process.kill(pid, signal)), [mockPort(vendor, base)]);
  });

  it('leaves no Prism behind even when killed outright', async () => {
    const base = await freeBase();
    const mock = run(['--port', String(base), '--vendors', vendor]);
    await mock.ready();
    // Prism notices its parent is gone by itself (its IPC channel closes).
    await expectStopsCleanly(mock, () => mock.child.kill('SIGKILL'), [mockPort(vendor, base)]);
  });

  it('says which port is taken, without a stack trace', async () => {
    const blocker = createServer();
    const port = await freePort('127.0.0.1');
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const vendor = VENDORS[0]!;
      const mock = run(['--port', String(port - mockPort(vendor, 0)), '--vendors', vendor]);
      expect(await mock.exit).toBe(1);
      expect(mock.output().trim()).toBe(`parley-mock: ${vendor} mock: port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('explains a bad option, also after the `--` pnpm passes on', async () => {
    const mock = run(['--', '--vendors', 'no-such-vendor']);
    expect(await mock.exit).toBe(2);
    expect(mock.output()).toContain(`unknown vendor no-such-vendor; use ${VENDORS.join(', ')}\n\nUsage: pnpm mock`);
  });

  it('lists every registered vendor and its port in --help', async () => {
    const mock = run(['--help']);
    expect(await mock.exit).toBe(0);
    for (const vendor of VENDORS) expect(mock.output()).toMatch(new RegExp(`^  ${vendor} .*base \\+ ${mockPort(vendor, 0)} \\(${mockPort(vendor)} by default\\)$`, 'm'));
  });

  it('serves dynamic data with a seed, can turn validation off, and runs stateless', async () => {
    const base = await freeBase();
    const vendor = VENDORS.find((v) => invalidRequest(v))!;
    const url = `http://127.0.0.1:${mockPort(vendor, base)}`;
    const mock = run(['--port', String(base), '--vendors', vendor, '--seed', '7', '--no-validate', '--stateless']);
    await mock.ready();
    expect(mock.output()).toMatch(/dynamic, seed 7, request validation off, stateless/);
    const { path, headers, example } = probe(vendor);
    const generated = await fetch(`${url}${path}`, { headers });
    expect(generated.status).toBe(200);
    expect(await generated.json()).not.toEqual(example);
    // A request that breaks the spec is answered; `dynamic=false` keeps the answer to the example,
    // as generating a whole page of data can take long.
    const invalid = invalidRequest(vendor)!;
    const accepted = await fetch(`${url}${invalid.path}`, { headers: { ...invalid.headers, Prefer: 'dynamic=false' } });
    expect(accepted.status).toBe(200);
    mock.child.kill('SIGTERM');
    expect(await mock.exit).toBe(0);
  });
});
