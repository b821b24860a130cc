// `parley-mock --proxy` as a QA engineer runs it before a release: a real process in front of an
// https vendor that drifts (trusted through NODE_EXTRA_CA_CERTS, as a company CA would be), the JSON
// Lines report written as drift is found, the summary printed on stderr when a signal stops it, and
// bad flags explained with exit code 2 before anything starts.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockPort } from '../dist/index.js';
import { freeBase } from './free-base.js';
import { BIRD, send } from './front-support.js';
import { startDriftingVendor, type DriftingVendor } from '../../../tools/drifting-vendor.mjs';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'parley-proxy-cli-'));
const HEADERS = { Authorization: 'AccessKey correct-horse-battery' };

/** A certificate for 127.0.0.1 that only the proxy's process is told to trust. */
function selfSigned() {
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8'), file: cert };
}

const children: ReturnType<typeof spawn>[] = [];
function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  let [out, err] = ['', ''];
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = () =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (/Ctrl-C stops/.test(out)) resolve();
      };
      child.stdout!.on('data', check);
      void exit.then(() => reject(new Error(`exited before it was ready:\n${out}${err}`)));
    });
  return { child, exit, ready, stdout: () => out, stderr: () => err };
}
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

let vendor: DriftingVendor;
let ca: string;
beforeAll(async () => {
  const tls = selfSigned();
  ca = tls.file;
  vendor = await startDriftingVendor('bird', { basePath: '/v1', tls });
});
afterAll(() => vendor?.close());

describe('parley-mock --proxy', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('forwards to an https vendor, appends findings as found, and prints the summary on %s', async (signal) => {
    const base = await freeBase();
    const report = join(dir, `${signal}.jsonl`);
    const mock = run(['--port', String(base), '--vendors', 'bird', '--proxy', `bird=${vendor.url}`, '--drift-report', report], { NODE_EXTRA_CA_CERTS: ca });
    await mock.ready();
    const url = `http://127.0.0.1:${mockPort('bird', base)}`;
    expect(mock.stdout()).toContain(`  bird         ${url} → ${vendor.url} (proxy)`);
    expect(mock.stdout()).toContain(`appended to ${report} as found`);

    vendor.drift({ operationId: 'getConversationParticipant', set: { '/status': 'archived' } });
    try {
      const answer = await send(url, 'GET', BIRD.participant, HEADERS);
      expect(answer.status).toBe(200);
      expect(answer.json().status).toBe('archived');
    } finally {
      vendor.drift(undefined);
    }
    // On disk while the proxy still runs.
    const lines = readFileSync(report, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ vendor: 'bird', operationId: 'getConversationParticipant', status: 200, in: 'body', pointer: '/status', rule: 'enum', example: 'archived' })]);

    mock.child.kill(signal);
    expect(await mock.exit).toBe(0);
    expect(mock.stderr()).toContain(
      [
        'Drift: 1 finding in 1 operation',
        '  bird getConversationParticipant (1)',
        '    1× body enum at /status: must be equal to one of the allowed values: "invited", "pending", "active", "inactive"',
        '       e.g. "archived"',
      ].join('\n'),
    );
  });

  it.each([
    [['--proxy', 'bird'], '--proxy takes <vendor>=<upstream URL>'],
    [['--proxy', 'nobody=https://api.example.com'], 'cannot proxy unknown vendor "nobody"'],
    [['--proxy', 'bird=ftp://api.example.com'], 'the upstream of bird must be an http:// or https:// URL'],
    [['--proxy', 'bird=https://a.example.com', '--proxy', 'bird=https://b.example.com'], '--proxy names bird twice'],
    [['--vendors', 'nexudus', '--proxy', 'bird=https://api.example.com'], 'cannot proxy bird: it is not among the vendors served (nexudus)'],
    [['--strict'], 'strict (--strict) applies to proxied vendors only'],
    [['--drift-report', 'drift.jsonl'], 'a drift report (--drift-report, driftReport) applies to proxied vendors only'],
    [['--proxy', 'bird=https://api.example.com', '--drift-report', '/no/such/dir/drift.jsonl'], 'cannot write the drift report /no/such/dir/drift.jsonl'],
  ])('explains %j and exits with 2', async (args, message) => {
    const mock = run(['--port', String(await freeBase()), ...args]);
    expect(await mock.exit).toBe(2);
    expect(mock.stderr()).toContain(message);
  });
});
