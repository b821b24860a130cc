// The drift proxy with `strict` (a request that breaks the spec is refused with the mock's honest
// error, not forwarded, and still reported), and an upstream that does not answer: a 502 naming
// the cause, journaled, not a drift finding. Bird is named for its participant operations.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProxyOptionsError, startMocks, type Mocks } from '../dist/index.js';
import { BIRD, send } from './front-support.js';
import { startDriftingVendor, type DriftingVendor } from '../../../tools/drifting-vendor.mjs';

const HEADERS = { Authorization: 'AccessKey correct-horse-battery' };
const TIMEOUT_MS = 400;

let vendor: DriftingVendor;
let mocks: Mocks;
let proxy: string;
beforeAll(async () => {
  vendor = await startDriftingVendor('bird');
  mocks = await startMocks({ vendors: ['bird'], proxy: { bird: vendor.url }, strict: true, proxyTimeoutMs: TIMEOUT_MS });
  proxy = mocks.urls.bird!;
});
afterAll(async () => {
  await mocks?.stop();
  await vendor?.close();
});
beforeEach(() => {
  vendor.drift(undefined);
  vendor.received.length = 0;
  mocks.clearDrift();
  mocks.clearJournal();
});

describe('the drift proxy, strict', () => {
  it('answers a request that breaks the spec with the mock’s honest error, forwards nothing, and reports it', async () => {
    const refused = await send(proxy, 'PATCH', BIRD.participant, HEADERS, { status: 'bogus' });
    expect(refused.status).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'ValidationFailed', details: { status: expect.stringContaining('allowed values') } });
    expect(refused.headers.get('parley-mock-error')).toMatch(/^strict: /);
    const wrongScheme = await send(proxy, 'GET', BIRD.participant, { Authorization: 'Bearer correct-horse-battery' });
    expect(wrongScheme.status).toBe(401);
    expect(vendor.received).toEqual([]);
    expect(mocks.drift()).toEqual([
      expect.objectContaining({ method: 'PATCH', status: 422, in: 'request', pointer: '/body/status', rule: 'enum', example: 'bogus' }),
      expect.objectContaining({ method: 'GET', status: 401, in: 'request', pointer: '/header/authorization', rule: 'security', example: 'Bearer [redacted]' }),
    ]);
    expect(mocks.journal('bird').map((entry) => [entry.valid, entry.status])).toEqual([
      [false, 422],
      [false, 401],
    ]);
  });

  it('forwards a request that meets the spec as without strict', async () => {
    const patch = await send(proxy, 'PATCH', BIRD.participant, HEADERS, { status: 'invited' });
    expect(patch.status).toBe(200);
    expect(vendor.received.map((r) => `${r.method} ${r.body.toString()}`)).toEqual(['PATCH {"status":"invited"}']);
  });

  it('answers 502 naming the cause when the upstream stays silent, then when it is gone; journaled, no drift', async () => {
    vendor.drift({ stall: true });
    const started = Date.now();
    const silent = await send(proxy, 'GET', BIRD.participant, HEADERS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(silent.status).toBe(502);
    expect(silent.headers.get('parley-mock-error')).toBe('upstream timeout');
    expect(silent.json()).toMatchObject({ status: 502, detail: `the upstream sent nothing for ${TIMEOUT_MS} ms` });

    await vendor.close();
    const gone = await send(proxy, 'GET', BIRD.participant, HEADERS);
    expect(gone.status).toBe(502);
    expect(gone.headers.get('parley-mock-error')).toBe('upstream unreachable');
    expect(gone.json().detail).toContain('ECONNREFUSED');
    expect(mocks.journal('bird').map((entry) => entry.status)).toEqual([502, 502]);
    expect(mocks.drift()).toEqual([]);
  });
});

describe('proxy settings', () => {
  it.each([
    [{ proxy: { nobody: 'http://127.0.0.1:1' } }, /cannot proxy unknown vendor "nobody"/],
    [{ vendors: ['nexudus'], proxy: { bird: 'http://127.0.0.1:1' } }, /cannot proxy bird: it is not among the vendors served \(nexudus\)/],
    [{ proxy: { bird: 'ftp://vendor.example' } }, /the upstream of bird must be an http:\/\/ or https:\/\/ URL; got "ftp:\/\/vendor.example"/],
    [{ proxy: { bird: 'api.bird.com' } }, /must be an absolute http:\/\/ or https:\/\/ URL/],
    [{ proxy: { bird: 'https://user:pw@api.bird.com' } }, /must carry no credentials/],
    [{ proxy: { bird: 42 } }, /must be a URL string; got 42/],
    [{ proxy: 'bird=https://api.bird.com' }, /proxy must be an object/],
    [{ strict: true }, /strict \(--strict\) applies to proxied vendors only/],
    [{ driftReport: 'drift.jsonl' }, /a drift report .* applies to proxied vendors only/],
    [{ proxy: { bird: 'https://api.bird.com' }, driftReport: '/no/such/dir/drift.jsonl' }, /cannot write the drift report \/no\/such\/dir\/drift.jsonl/],
  ])('rejects %j with a ProxyOptionsError, starting nothing', async (options, message) => {
    const failed = await startMocks(options as never).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ProxyOptionsError);
    expect((failed as Error).message).toMatch(message);
  });
});
