// The drift proxy in front of a vendor that drifts (issue 16.1, 16.3): Bird's mock port forwards to
// a loopback server playing Bird, answers with its answers unchanged, and reports each departure
// from the spec with the right pointer and rule, its example redacted. Bird is named on purpose:
// the drifts are made on its participant (a required `type`, the `status` enum, `createdAt`).
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMocks, type DriftFinding, type Mocks } from '../dist/index.js';
import { BIRD, send } from './front-support.js';
import { startDriftingVendor, type Drift, type DriftingVendor } from '../../../tools/drifting-vendor.mjs';

// A credential that looks like no token, so that only the request's own credential scrubs it.
const CREDENTIAL = 'correct-horse-battery';
const HEADERS = { Authorization: `AccessKey ${CREDENTIAL}` };
const GET = 'getConversationParticipant';
const report = join(mkdtempSync(join(tmpdir(), 'parley-drift-')), 'drift.jsonl');

let vendor: DriftingVendor;
let mocks: Mocks;
let proxy: string;
beforeAll(async () => {
  vendor = await startDriftingVendor('bird', { basePath: '/bird/v1' });
  mocks = await startMocks({ vendors: ['bird'], proxy: { bird: vendor.url }, driftReport: report });
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

const fileLines = () =>
  readFileSync(report, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DriftFinding);

/** A GET of the example participant through the proxy, or straight to the vendor; status, raw headers and body bytes. */
function raw(base: string, path = BIRD.participant, headers: Record<string, string> = HEADERS) {
  return new Promise<{ status: number; statusMessage: string; rawHeaders: string[]; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const url = new URL(`${base}${path}`);
    const outgoing = httpRequest(url, { headers: { ...headers, 'Accept-Encoding': 'gzip, br' } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode!, statusMessage: incoming.statusMessage!, rawHeaders: incoming.rawHeaders, headers: incoming.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.once('error', reject);
    outgoing.end();
  });
}

/** Headers as a client compares them: without the per-connection ones each side sets for itself. */
const endToEnd = (rawHeaders: string[]) => rawHeaders.flatMap((value, i) => (i % 2 === 0 && !/^(connection|keep-alive)$/i.test(value) ? [[value, rawHeaders[i + 1]!]] : []));

describe('the drift proxy', () => {
  it('forwards with the caller’s credentials to the upstream’s base path, and a conforming answer reports nothing', async () => {
    const answer = await send(proxy, 'GET', `${BIRD.participant}?reverse=true`, HEADERS);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual(vendor.example(GET));
    expect(mocks.drift()).toEqual([]);
    expect(vendor.received).toHaveLength(1);
    const [forwarded] = vendor.received;
    expect(forwarded!.url).toBe(`/bird/v1${BIRD.participant}?reverse=true`);
    expect(forwarded!.headers.authorization).toBe(HEADERS.Authorization);
    expect(forwarded!.headers.host).toBe(new URL(vendor.url).host);
    // The port keeps its journal: the request is there, with the upstream's status.
    expect(mocks.journal('bird')).toMatchObject([{ operationId: GET, status: 200, valid: true }]);
  });

  const drifts: [string, Drift, Partial<DriftFinding>][] = [
    ['a missing required member', { remove: ['/type'] }, { in: 'body', pointer: '/type', rule: 'required', message: "must have required property 'type'", example: expect.objectContaining({ status: 'active' }) }],
    ['a new enum value', { set: { '/status': 'archived' } }, { in: 'body', pointer: '/status', rule: 'enum', example: 'archived' }],
    ['a wrong type', { set: { '/createdAt': 1770801891 } }, { in: 'body', pointer: '/createdAt', rule: 'type', message: 'must be string', example: 1770801891 }],
    ['an undocumented status', { status: 418 }, { in: 'status', pointer: '', rule: 'status', status: 418 }],
    ['an extra header', { headers: [['X-Bird-Shard', 'eu-3']] }, { in: 'header', pointer: 'x-bird-shard', rule: 'undocumented-header', example: 'eu-3' }],
  ];
  it.each(drifts)('reports %s with its pointer and rule, in memory, over HTTP and in the JSON Lines file', async (_, drift, expected) => {
    const before = fileLines().length;
    vendor.drift({ operationId: GET, ...drift });
    const answer = await send(proxy, 'GET', BIRD.participant, HEADERS);
    expect(answer.status).toBe(drift.status ?? 200);
    const findings = mocks.drift('bird');
    expect(findings).toEqual([{ time: expect.any(String), vendor: 'bird', operationId: GET, method: 'GET', path: BIRD.participant, status: drift.status ?? 200, message: expect.any(String), ...expected }]);
    if (expected.in === 'status') expect(findings[0]).not.toHaveProperty('example');
    expect((await send(proxy, 'GET', '/__parley/drift')).json()).toEqual({ findings });
    expect(fileLines().slice(before)).toEqual(findings);
  });

  it('shows the object that lacks a required member with credentials and personal data redacted, the enum value kept', async () => {
    vendor.drift({ operationId: GET, remove: ['/type'], set: { '/status': 'archived', '/contact/platformAddressSelector': `attributes.${CREDENTIAL}` } });
    await send(proxy, 'GET', BIRD.participant, HEADERS);
    const required = mocks.drift().find((finding) => finding.rule === 'required')!;
    expect(required.example).toEqual({
      id: '[uuid]',
      displayName: '[redacted]',
      avatarUrl: 'https://example.bird.com/avatar-url',
      contact: { identifierKey: '[redacted]', identifierValue: '[email]', platformAddress: '[redacted]', platformAddressSelector: '[redacted]' },
      status: 'archived',
      conversationId: '[uuid]',
      resourceUri: '/workspaces/[uuid]/conversations/[uuid]/participants/[uuid]',
      createdAt: '2026-02-11T09:24:51.118Z',
      updatedAt: '2026-02-12T14:03:07.402Z',
    });
    const text = readFileSync(report, 'utf8');
    expect(text).not.toContain(CREDENTIAL);
    expect(text).not.toContain('john.doe@example.com');
    expect(text).not.toContain('John Doe');
  });

  it.each([undefined, 'gzip', 'br', 'deflate'] as const)('passes the answer on byte for byte (status, headers, body), %s', async (encoding) => {
    const drift: Drift = { operationId: GET, set: { '/status': 'archived' }, headers: [['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2'], ['X-Trace', 'Mixed Case']], ...(encoding ? { encoding } : {}) };
    vendor.drift(drift);
    const [through, straight] = [await raw(proxy), await raw(vendor.url)];
    expect(through.status).toBe(straight.status);
    expect(through.statusMessage).toBe(straight.statusMessage);
    expect(endToEnd(through.rawHeaders)).toEqual(endToEnd(straight.rawHeaders));
    expect(through.body.equals(straight.body)).toBe(true);
    if (encoding === 'gzip') expect(JSON.parse(gunzipSync(through.body).toString()).status).toBe('archived');
    // The check read a decoded copy: the enum drift is found under any encoding.
    expect(mocks.drift().filter((f) => f.rule === 'enum')).toHaveLength(1);
  });

  it('drops the per-connection headers it received, and those its Connection header names', async () => {
    const answer = await raw(proxy, BIRD.participant, { ...HEADERS, Connection: 'keep-alive, X-Hop', 'X-Hop': 'one hop', 'Proxy-Authorization': 'Basic cXE6cXE=', TE: 'trailers', 'X-End-To-End': 'kept' });
    expect(answer.status).toBe(200);
    const [forwarded] = vendor.received;
    expect(forwarded!.headers).toMatchObject({ 'x-end-to-end': 'kept', authorization: HEADERS.Authorization });
    for (const name of ['x-hop', 'proxy-authorization', 'te']) expect(forwarded!.headers, name).not.toHaveProperty(name);
  });

  it('forwards a request the spec forbids, and reports it: body, credential scheme, unknown operation', async () => {
    const patch = await send(proxy, 'PATCH', BIRD.participant, HEADERS, { status: 'bogus' });
    expect(patch.status).toBe(200); // the upstream's answer, not the mock's 422
    const wrongScheme = await send(proxy, 'GET', BIRD.participant, { Authorization: `Bearer ${CREDENTIAL}` });
    expect(wrongScheme.status).toBe(200);
    const unknown = await send(proxy, 'DELETE', '/workspaces/w/nothing-here', HEADERS);
    expect(unknown.status).toBe(404);
    expect(vendor.received.map((r) => `${r.method} ${r.url} ${r.body.toString()}`)).toEqual([
      `PATCH /bird/v1${BIRD.participant} {"status":"bogus"}`,
      `GET /bird/v1${BIRD.participant} `,
      'DELETE /bird/v1/workspaces/w/nothing-here ',
    ]);
    const requests = mocks.drift().filter((f) => f.in === 'request');
    expect(requests).toEqual([
      expect.objectContaining({ operationId: 'updateConversationParticipant', method: 'PATCH', status: 200, pointer: '/body/status', rule: 'enum', example: 'bogus' }),
      expect.objectContaining({ operationId: GET, pointer: '/header/authorization', rule: 'security', example: 'Bearer [redacted]' }),
      expect.objectContaining({ method: 'DELETE', path: '/workspaces/w/nothing-here', status: 404, pointer: '', rule: 'operation' }),
    ]);
    expect(requests[2]).not.toHaveProperty('operationId');
    expect(mocks.journal('bird').map((entry) => [entry.valid, entry.status])).toEqual([
      [false, 200],
      [false, 200],
      [false, 404],
    ]);
  });

  it('keeps the port’s faults (answered without forwarding) and clears its drift over HTTP', async () => {
    const throttled = await send(proxy, 'GET', BIRD.participant, { ...HEADERS, 'Parley-Fault': 'throttle' });
    expect(throttled.status).toBe(429);
    expect(vendor.received).toHaveLength(0);
    vendor.drift({ status: 418 });
    await send(proxy, 'GET', BIRD.participant, HEADERS);
    expect(mocks.drift()).toHaveLength(1);
    expect((await send(proxy, 'DELETE', '/__parley/drift')).status).toBe(204);
    expect(mocks.drift()).toEqual([]);
  });
});
