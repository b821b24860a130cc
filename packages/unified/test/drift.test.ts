// The README's "Catching drift" flow, as a new user would try it: the unified example run through
// the drift proxy in front of a Bird that drifts (tools/drifting-vendor.bird.json) reports each
// drift; the same example with `validateResponses: 'throw'` fails with `contract` on those answers
// and not on the mocks' conforming ones.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMocks, type DriftFinding, type Mocks } from '@parley/mocks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDriftingVendor, type Drift, type DriftingVendor } from '../../../tools/drifting-vendor.mjs';

const script = fileURLToPath(new URL('../examples/participants.mjs', import.meta.url));
const drifts = JSON.parse(readFileSync(new URL('../../../tools/drifting-vendor.bird.json', import.meta.url), 'utf8')) as Drift[];

let vendor: DriftingVendor;
let mocks: Mocks;
const report = join(mkdtempSync(join(tmpdir(), 'parley-drift-')), 'drift.jsonl');

beforeAll(async () => {
  vendor = await startDriftingVendor('bird');
  vendor.drift(drifts);
  // Bird through the proxy; the other providers are the suite's own (conforming) mocks.
  mocks = await startMocks({ vendors: ['bird'], proxy: { bird: vendor.url }, driftReport: report });
}, 60_000);
afterAll(async () => {
  await mocks?.stop();
  await vendor?.close();
});

const suiteMocks = inject('prismUrls');

/** The README's example against Bird through the proxy and the others' mocks; resolves with its exit code and output. */
async function runExample(env: Record<string, string> = {}) {
  const result = await promisify(execFile)(process.execPath, [script], {
    env: { ...process.env, PARLEY_SOFTWAREONE_URL: suiteMocks.softwareone!, PARLEY_BIRD_URL: mocks.urls.bird!, PARLEY_NEXUDUS_URL: suiteMocks.nexudus!, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
  return result;
}

describe('the unified example through the drift proxy', () => {
  it('runs to the end, and the report names each drift: operation, JSON pointer or header, rule', async () => {
    const { code, stdout } = await runExample();
    expect(code).toBe(0);
    expect(stdout).toContain('"status":"unknown"'); // `archived` quietly becomes `unknown` without validation

    const findings = readFileSync(report, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DriftFinding);
    const seen = findings.map(({ operationId, in: where, pointer, rule }) => ({ operationId, in: where, pointer, rule }));
    expect(seen).toEqual(
      expect.arrayContaining([
        { operationId: 'getConversationParticipant', in: 'body', pointer: '/status', rule: 'enum' },
        { operationId: 'listConversationParticipants', in: 'body', pointer: '/results/0/type', rule: 'required' },
        { operationId: 'listConversationParticipants', in: 'header', pointer: 'x-bird-shard', rule: 'undocumented-header' },
        { operationId: 'updateConversationParticipant', in: 'body', pointer: '/createdAt', rule: 'type' },
        { operationId: 'addConversationParticipant', in: 'status', pointer: '', rule: 'status' },
      ]),
    );
    expect(findings.every((finding) => finding.vendor === 'bird')).toBe(true);
    expect(findings.find((finding) => finding.pointer === '/status')?.example).toBe('archived');
    expect(mocks.drift()).toHaveLength(findings.length);
  });

  it("with validateResponses: 'throw', the example fails with contract on the first drifting answer", async () => {
    const { code, stderr } = await runExample({ PARLEY_VALIDATE_RESPONSES: 'throw' });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/code: 'contract'/);
    expect(stderr).toContain('bird updateConversationParticipant: HTTP 200 departs from the spec: body /createdAt must be string (type)');
  });

  it("with validateResponses: 'throw' straight at the mocks, every answer conforms", async () => {
    const { code, stderr } = await runExample({ PARLEY_VALIDATE_RESPONSES: 'throw', PARLEY_BIRD_URL: suiteMocks.bird! });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
