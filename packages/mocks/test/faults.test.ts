// Faults on demand, as a client sees them, over HTTP: through the `Parley-Fault` header for one
// request, and armed for the next N calls of one operation (or all) through the admin endpoint or
// `mocks.fault()`. A fault answers before Prism is asked, so nothing stored changes.
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type Mocks } from '../dist/index.js';
import { BIRD, NEXUDUS, send, SWO } from './front-support.js';

let mocks: Mocks;
beforeAll(async () => {
  mocks = await startMocks();
});
afterAll(() => mocks?.stop());
afterEach(() => {
  mocks.clearFaults();
  mocks.reset();
});
const url = (vendor: 'softwareone' | 'bird' | 'nexudus') => mocks.urls[vendor]!;

describe('the Parley-Fault header', () => {
  it("throttle answers the operation's documented throttle: SoftwareOne's 429 with its Retry-After and body", async () => {
    const response = await send(url('softwareone'), 'GET', SWO.participant, { ...SWO.headers, 'Parley-Fault': 'throttle' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('5'); // the spec's header example
    expect(response.json()).toMatchObject({ title: 'Too Many Requests', status: 429 });
  });

  it("throttle answers Nexudus' 409 with an empty body and Retry-After, as its spec documents", async () => {
    const response = await send(url('nexudus'), 'PUT', NEXUDUS.rooms, { ...NEXUDUS.headers, 'Parley-Fault': 'throttle' }, NEXUDUS.update);
    expect(response.status).toBe(409);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.text).toBe('');
  });

  it("throttle answers Bird's 429 in Bird's shape, without the Retry-After Bird does not document, unless asked for one", async () => {
    const plain = await send(url('bird'), 'GET', BIRD.participant, { ...BIRD.headers, 'Parley-Fault': 'throttle' });
    expect(plain.status).toBe(429);
    expect(plain.headers.get('retry-after')).toBeNull();
    expect(plain.json()).toEqual({ code: 'TooManyRequests', message: expect.any(String) });
    const withRetry = await send(url('bird'), 'GET', BIRD.participant, { ...BIRD.headers, 'Parley-Fault': 'throttle=7' });
    expect(withRetry.headers.get('retry-after')).toBe('7');
  });

  it('status=503 answers that 5xx', async () => {
    const response = await send(url('softwareone'), 'GET', SWO.participant, { ...SWO.headers, 'Parley-Fault': 'status=503' });
    expect(response.status).toBe(503);
    expect(response.headers.get('parley-fault')).toBe('status=503');
  });

  it('reset destroys the connection: the client gets a network error', async () => {
    const failure = fetch(`${url('softwareone')}${SWO.participant}`, { headers: { ...SWO.headers, 'Parley-Fault': 'reset' } });
    await expect(failure).rejects.toThrow(TypeError); // fetch failed
    const cause = (await failure.then(() => undefined, (error: Error) => error.cause)) as { code?: string; message?: string } | undefined;
    expect(cause?.code ?? cause?.message).toMatch(/ECONNRESET|UND_ERR_SOCKET|other side closed/);
    expect((await send(url('softwareone'), 'GET', SWO.participant, SWO.headers)).status).toBe(200); // the mock goes on
  });

  it('stall sends the headers, then nothing: the client times out reading the body', async () => {
    const response = await fetch(`${url('softwareone')}${SWO.participant}`, { headers: { ...SWO.headers, 'Parley-Fault': 'stall' }, signal: AbortSignal.timeout(500) });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    const started = Date.now();
    await expect(response.text()).rejects.toThrow(/aborted|timeout/i);
    expect(Date.now() - started).toBeGreaterThan(300);
  });

  it('malformed answers 200 with JSON cut short', async () => {
    const response = await fetch(`${url('bird')}${BIRD.participant}`, { headers: { ...BIRD.headers, 'Parley-Fault': 'malformed' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/json/);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('html answers 200 with an HTML page', async () => {
    const response = await send(url('nexudus'), 'GET', NEXUDUS.room, { ...NEXUDUS.headers, 'Parley-Fault': 'html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('latency delays the normal answer', async () => {
    const started = Date.now();
    const response = await send(url('softwareone'), 'GET', SWO.participant, { ...SWO.headers, 'Parley-Fault': 'latency=400' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(response.status).toBe(200);
    expect(response.json().id).toBe('CPT-5104-3382-7716');
  });

  it('an unknown fault is a clear mock error', async () => {
    const response = await send(url('softwareone'), 'GET', SWO.participant, { ...SWO.headers, 'Parley-Fault': 'explode' });
    expect(response.status).toBe(400);
    expect(response.headers.get('parley-mock-error')).toBe('true');
    expect(response.json().detail).toContain('unknown fault "explode"');
  });

  it('a faulted write changes nothing stored, and the journal says which fault answered', async () => {
    mocks.clearJournal('softwareone');
    await send(url('softwareone'), 'PUT', SWO.participant, { ...SWO.headers, 'Parley-Fault': 'status=500' }, { muted: true });
    expect((await send(url('softwareone'), 'GET', SWO.participant, SWO.headers)).json().muted).toBe(false);
    expect(mocks.journal('softwareone').map((e) => [e.method, e.status, e.fault, e.valid])).toEqual([
      ['PUT', 500, 'status=500', null],
      ['GET', 200, undefined, true],
    ]);
  });
});

describe('armed faults', () => {
  it('target one operation for the next N calls, then it answers normally again (the PUT after its GET)', async () => {
    const armed = await send(url('nexudus'), 'POST', '/__parley/faults', {}, { operationId: 'updateChatRoom', times: 2, fault: 'throttle' });
    expect(armed.status).toBe(201);
    expect(armed.json()).toMatchObject({ operationId: 'updateChatRoom', remaining: 2, fault: 'throttle' });
    // The unified update's GET is not targeted.
    expect((await send(url('nexudus'), 'GET', NEXUDUS.room, NEXUDUS.headers)).status).toBe(200);
    const put = () => send(url('nexudus'), 'PUT', NEXUDUS.rooms, NEXUDUS.headers, NEXUDUS.update);
    expect((await put()).status).toBe(409);
    expect((await put()).status).toBe(409);
    expect((await put()).status).toBe(200);
  });

  it('without an operation, hit every request; times defaults to 1', async () => {
    mocks.fault('bird', { fault: 'status=502' });
    expect((await send(url('bird'), 'GET', BIRD.participants, BIRD.headers)).status).toBe(502);
    expect((await send(url('bird'), 'GET', BIRD.participants, BIRD.headers)).status).toBe(200);
  });

  it('"always" lasts until the faults are cleared', async () => {
    mocks.fault('softwareone', { operationId: 'getChatParticipant', times: 'always', fault: 'latency=50,status=503' });
    for (let i = 0; i < 3; i++) expect((await send(url('softwareone'), 'GET', SWO.participant, SWO.headers)).status).toBe(503);
    expect((await send(url('softwareone'), 'GET', SWO.participants, SWO.headers)).status).toBe(200); // another operation
    const cleared = await send(url('softwareone'), 'DELETE', '/__parley/faults');
    expect(cleared.status).toBe(204);
    expect((await send(url('softwareone'), 'GET', SWO.participant, SWO.headers)).status).toBe(200);
  });

  it('a header fault wins over an armed one, which stays armed', async () => {
    mocks.fault('softwareone', { fault: 'status=500' });
    const response = await send(url('softwareone'), 'GET', SWO.participant, { ...SWO.headers, 'Parley-Fault': 'throttle' });
    expect(response.status).toBe(429);
    expect((await send(url('softwareone'), 'GET', SWO.participant, SWO.headers)).status).toBe(500);
  });

  it('refuses an unknown operation or fault, naming what there is', async () => {
    expect(() => mocks.fault('nexudus', { operationId: 'nope', fault: 'throttle' })).toThrow(/unknown operationId "nope"; this mock has requestToken, listChatRooms/);
    expect(() => mocks.fault('nexudus', { fault: 'status=200' })).toThrow(/status needs a 5xx code/);
    expect(() => mocks.fault('nexudus', { fault: 'throttle', times: 0 })).toThrow(/"times" must be/);
    const response = await send(url('nexudus'), 'POST', '/__parley/faults', {}, { fault: 'boom' });
    expect(response.status).toBe(400);
    expect(response.json().detail).toContain('unknown fault "boom"');
  });

  it('a stalled answer does not keep stop() from freeing the port', async () => {
    const own = await startMocks({ vendors: ['bird'] });
    own.fault('bird', { fault: 'stall' });
    const base = new URL(own.urls.bird!);
    const headers = await new Promise<number>((resolve) => request({ host: base.hostname, port: base.port, path: BIRD.participant, headers: BIRD.headers }, (res) => resolve(res.statusCode!)).on('error', () => {}).end());
    expect(headers).toBe(200);
    await own.stop();
    await expect(fetch(`${own.urls.bird}${BIRD.participant}`)).rejects.toThrow();
  });
});
