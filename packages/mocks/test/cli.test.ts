// The `parley-mock` command as a QA engineer runs it: a real process, real signals.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freeBase } from './free-base.js';
import { describe, expect, it } from 'vitest';
import { freePort } from '../dist/index.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = async () => {
    for (let waited = 0; !/Ctrl-C stops/.test(out); waited += 50) {
      if (waited > 30_000 || child.exitCode !== null) throw new Error(`not ready:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, output: () => out, exit, ready };
}

const urlsIn = (text: string) => [...text.matchAll(/^\s+(\w+)\s+(http:\/\/\S+)$/gm)].map((m) => [m[1]!, m[2]!] as const);

async function closed(url: string) {
  return fetch(url).then(
    () => false,
    () => true,
  );
}


describe('parley-mock', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints the base URLs once ready and stops every child on %s', async (signal) => {
    const base = await freeBase();
    const mock = run(['--port', String(base)]);
    await mock.ready();
    const urls = urlsIn(mock.output());
    expect(urls).toEqual([
      ['softwareone', `http://127.0.0.1:${base}`],
      ['bird', `http://127.0.0.1:${base + 1}`],
      ['nexudus', `http://127.0.0.1:${base + 2}`],
    ]);
    const room = await fetch(`${urls[2]![1]}/api/support/chatrooms/87654321`, { headers: { Authorization: 'Bearer t', Prefer: 'code=404' } });
    expect(room.status).toBe(404);
    mock.child.kill(signal);
    expect(await mock.exit).toBe(0);
    for (const [, url] of urls) expect(await closed(url)).toBe(true);
  });

  it('leaves no Prism behind even when killed outright', async () => {
    const base = await freeBase();
    const mock = run(['--port', String(base), '--vendors', 'bird']);
    await mock.ready();
    mock.child.kill('SIGKILL');
    await mock.exit;
    const url = `http://127.0.0.1:${base + 1}`;
    let gone = false;
    for (let waited = 0; waited < 5000 && !gone; waited += 100) {
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
      const mock = run(['--port', String(port), '--vendors', 'softwareone']);
      expect(await mock.exit).toBe(1);
      expect(mock.output().trim()).toBe(`parley-mock: softwareone mock: port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('explains a bad option, also after the `--` pnpm passes on', async () => {
    const mock = run(['--', '--vendors', 'slack']);
    expect(await mock.exit).toBe(2);
    expect(mock.output()).toMatch(/unknown vendor slack; use softwareone, bird, nexudus\n\nUsage: pnpm mock/);
  });

  it('serves dynamic data with a seed, and can turn validation off', async () => {
    const base = await freeBase();
    const mock = run(['--port', String(base), '--vendors', 'nexudus', '--seed', '7', '--no-validate']);
    await mock.ready();
    expect(mock.output()).toMatch(/dynamic, seed 7, request validation off/);
    const response = await fetch(`http://127.0.0.1:${base + 2}/api/support/chatrooms?page=0`, { headers: { Authorization: 'Bearer t' } });
    expect(response.status).toBe(200);
    mock.child.kill('SIGTERM');
    expect(await mock.exit).toBe(0);
  });
});
