// The `parley-mock` command as a QA engineer runs it: a real process, real signals.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freeBase } from './free-base.js';
import { describe, expect, it } from 'vitest';
import { freePort, mockPort, VENDORS } from '../dist/index.js';
import { invalidRequest, probe } from './probe.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  return { child, output: () => out, exit, ready };
}

const urlsIn = (text: string) => [...text.matchAll(/^\s+([\w-]+)\s+(http:\/\/\S+)$/gm)].map((m) => [m[1]!, m[2]!] as const);

async function closed(url: string) {
  return fetch(url).then(
    () => false,
    () => true,
  );
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
    mock.child.kill(signal);
    expect(await mock.exit).toBe(0);
    for (const [, url] of urls) expect(await closed(url)).toBe(true);
  });

  it('leaves no Prism behind even when killed outright', async () => {
    const base = await freeBase();
    const vendor = VENDORS.at(-1)!;
    const mock = run(['--port', String(base), '--vendors', vendor]);
    await mock.ready();
    mock.child.kill('SIGKILL');
    await mock.exit;
    const url = `http://127.0.0.1:${mockPort(vendor, base)}`;
    let gone = false;
    // Prism notices its parent is gone by itself; nothing to wait on but the port closing.
    for (let waited = 0; waited < 15_000 && !gone; waited += 100) {
      gone = await closed(url);
      if (!gone) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(gone).toBe(true);
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

  it('serves dynamic data with a seed, and can turn validation off', async () => {
    const base = await freeBase();
    const vendor = VENDORS.find((v) => invalidRequest(v))!;
    const url = `http://127.0.0.1:${mockPort(vendor, base)}`;
    const mock = run(['--port', String(base), '--vendors', vendor, '--seed', '7', '--no-validate']);
    await mock.ready();
    expect(mock.output()).toMatch(/dynamic, seed 7, request validation off/);
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
