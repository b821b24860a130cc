// Every child the harness starts is tracked here and killed when the harness exits, however it exits.
import { fork } from 'node:child_process';

const live = new Set();
process.on('exit', () => live.forEach((child) => child.kill()));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function track(child) {
  live.add(child);
  child.on('exit', () => live.delete(child));
  return child;
}

/** Starts the loopback server; resolves to its port and a stop function. */
export function startServer() {
  const child = track(fork(new URL('./server.mjs', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`loopback server exited (${code}) before listening`)));
    child.once('message', ({ port }) => {
      const stop = () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.disconnect())));
      resolve({ port, stop });
    });
  });
}

/** Runs a script to the end and resolves to the JSON it sends; killed after `timeoutMs`. */
export function runScript(script, args, execArgv = [], timeoutMs = 120_000) {
  const child = track(fork(new URL(script, import.meta.url), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  return new Promise((resolve, reject) => {
    let result;
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('message', (message) => (result = message));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`${script} ${args.join(' ')} failed (${signal ?? `exit ${code}`}; if it could not find a module, a rebuild emptied a dist folder mid-run)`));
    });
  });
}
