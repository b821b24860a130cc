// Every fault the runtime promises to handle, against every registered vendor's client (one case
// per security scheme, see vendors.ts), over real HTTP on loopback. Budgets are short (backoff of
// a few ms; 150 ms timeouts where silence is the fault) to keep the suite fast. Faults only one
// vendor has are tested in that vendor's package.
import { inspect } from 'node:util';
import { ParleyError, type LogEvent } from '@parley/runtime';
import { closedUrl, startFaultServer, type Fault, type FaultServer } from '@parley/testkit/fault-server';
import { rejection } from '@parley/testkit/rejection';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { vendorCases } from './vendors.js';

// Backoff of a few ms keeps retries fast. Timeouts stay generous so that a loaded machine is not
// mistaken for a silent server; the tests about silence set a short one themselves.
const fast = { timeoutMs: 5_000, retry: { baseDelayMs: 1, maxDelayMs: 4 } };
const impatient = { ...fast, timeoutMs: 150 };
let server: FaultServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  server = await startFaultServer();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server.stop();
});
afterEach(() => expect(unhandled).toEqual([]));

/** The ParleyError a call rejects with; fails the test if it resolves or throws anything else. */
const failure = (call: Promise<unknown>) => rejection(call, ParleyError);

describe.each(vendorCases)('$name client', (vendor) => {
  const client = () => vendor.create(server.url, fast);

  it('times out an attempt that gets no headers, retrying twice', async () => {
    server.script({ kind: 'hang' });
    const error = await failure(vendor.read(vendor.create(server.url, impatient)));
    expect(error).toMatchObject({ code: 'timeout', attempts: 3 });
    expect(error.message).toMatch(/within 150 ms \(3 attempts\)/);
    expect(server.seen).toHaveLength(3);
  });

  it('times out an attempt whose body stalls', async () => {
    server.script({ kind: 'stall-body', status: 200, partial: '{"id":' });
    const error = await failure(vendor.read(vendor.create(server.url, impatient)));
    expect(error).toMatchObject({ code: 'timeout', attempts: 3 });
  });

  it('reports a refused connection as a network error after its retries', async () => {
    const error = await failure(vendor.read(vendor.create(await closedUrl(), fast)));
    expect(error).toMatchObject({ code: 'network', attempts: 3 });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('reports a reset connection as a network error after its retries', async () => {
    server.script({ kind: 'reset' });
    const error = await failure(vendor.read(client()));
    expect(error).toMatchObject({ code: 'network', attempts: 3 });
    expect(server.seen).toHaveLength(3);
  });

  it('retries a 503 and returns the answer that follows', async () => {
    server.script({ kind: 'reply', status: 503, body: '' }, { kind: 'reply', status: 200, body: vendor.okBody });
    await expect(vendor.update(client())).resolves.toEqual(JSON.parse(vendor.okBody));
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]?.body).toBe(server.seen[0]?.body); // the same body both times
  });

  it('waits as long as Retry-After says, in seconds', async () => {
    server.script({ kind: 'reply', status: 429, headers: { 'retry-after': '1' } }, { kind: 'reply', status: 200, body: vendor.okBody });
    const started = Date.now();
    await vendor.read(client());
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.seen).toHaveLength(2);
  });

  it('waits as long as Retry-After says, as an HTTP date', async () => {
    const at = new Date(Date.now() + 2000).toUTCString(); // whole seconds: between 1 and 2 s from now
    server.script({ kind: 'reply', status: 429, headers: { 'retry-after': at } }, { kind: 'reply', status: 200, body: vendor.okBody });
    const started = Date.now();
    await vendor.read(client());
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('fails at once when Retry-After is longer than the cap, saying how long', async () => {
    server.script({ kind: 'reply', status: 429, headers: { 'retry-after': '120' }, body: '' });
    const error = await failure(vendor.read(client()));
    expect(error).toMatchObject({ code: 'rate_limited', attempts: 1, retryAfterMs: 120_000, status: 429 });
    expect(error.message).toMatch(/Retry-After 120 s exceeds maxRetryAfterMs/);
  });

  it('gives up on a 429 after its retries and says how many attempts it made', async () => {
    server.script({ kind: 'reply', status: 429, headers: { 'retry-after': '0' }, body: '' });
    const error = await failure(vendor.read(client()));
    expect(error).toMatchObject({ code: 'rate_limited', attempts: 3 });
    expect(error.message).toMatch(/\(3 attempts\)/);
  });

  it('does not retry a real 409 conflict, and parses its body', async () => {
    server.script({ kind: 'reply', status: 409, body: vendor.errorBody(409) });
    const error = await failure(vendor.update(client()));
    expect(error).toMatchObject({ code: 'conflict', status: 409, attempts: 1, body: JSON.parse(vendor.errorBody(409)) });
    expect(server.seen).toHaveLength(1);
  });

  it('reports malformed JSON in a success as a provider error quoting it', async () => {
    server.script({ kind: 'reply', status: 200, body: '{"id": "x-1", "status": ' });
    const error = await failure(vendor.read(client()));
    expect(error).toMatchObject({ code: 'provider', attempts: 1 });
    expect(error.message).toContain('not JSON: "{\\"id\\": \\"x-1\\", \\"status\\":"');
  });

  it('reports an HTML error page with the start of the page', async () => {
    server.script({ kind: 'reply', status: 404, headers: { 'content-type': 'text/html' }, body: '<html><head><title>Not Found</title></head></html>' });
    const error = await failure(vendor.read(client()));
    expect(error).toMatchObject({ code: 'not_found', status: 404, body: undefined });
    expect(error.message).toContain('non-JSON body: "<html><head><title>Not Found');
  });

  it('reports an empty error body after retrying the 500', async () => {
    server.script({ kind: 'reply', status: 500, body: '' });
    const error = await failure(vendor.read(client()));
    expect(error).toMatchObject({ code: 'provider', status: 500, attempts: 3, body: undefined });
    expect(error.message).toMatch(/HTTP 500: empty body/);
  });

  it('takes the request id from the response headers', async () => {
    server.script({ kind: 'reply', status: 404, headers: { 'x-request-id': 'req-7f3a' }, body: vendor.errorBody(404) });
    const error = await failure(vendor.read(client()));
    expect(error.requestId).toBe('req-7f3a');
    expect(error.headers['x-request-id']).toBe('req-7f3a');
  });

  it('does not retry when retries are off for the call', async () => {
    server.script({ kind: 'reply', status: 503, body: '' });
    const error = await failure(vendor.read(client(), { retry: false }));
    expect(error).toMatchObject({ code: 'provider', attempts: 1 });
  });

  it('lets a call set its own timeout', async () => {
    server.script({ kind: 'hang' });
    const started = Date.now();
    // The client allows 10 s; the call's own 40 ms wins.
    const error = await failure(vendor.read(vendor.create(server.url, { timeoutMs: 10_000 }), { timeoutMs: 40, retry: false }));
    expect(error).toMatchObject({ code: 'timeout', attempts: 1 });
    expect(error.message).toMatch(/within 40 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports the caller cancelling as cancelled, not as a timeout', async () => {
    server.script({ kind: 'hang' });
    const controller = new AbortController();
    const arrived = server.nextRequest();
    const call = failure(vendor.read(vendor.create(server.url, { timeoutMs: 10_000 }), { signal: controller.signal }));
    await arrived; // the request is out and the server is silent: cancel now
    controller.abort();
    const error = await call;
    expect(error).toMatchObject({ code: 'cancelled', attempts: 1 });
  });

  it('stops waiting to retry as soon as the caller cancels', async () => {
    server.script({ kind: 'reply', status: 503, headers: { 'retry-after': '30' }, body: '' });
    const controller = new AbortController();
    // The client logs the retry as its 30 s wait begins: cancel then.
    const waiting = vendor.create(server.url, { ...fast, logger: (event) => event.type === 'retry' && controller.abort() });
    const started = Date.now();
    const error = await failure(vendor.read(waiting, { signal: controller.signal }));
    expect(error.code).toBe('cancelled');
    expect(error.message).toMatch(/while waiting to retry/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.seen).toHaveLength(1);
  });

  it('returns the vendor body in the result style and throws only when nothing usable came', async () => {
    server.script({ kind: 'reply', status: 409, body: vendor.errorBody(409) });
    const result = await vendor.readResult(client());
    expect(result.response.status).toBe(409);
    expect(result.error).toEqual(JSON.parse(vendor.errorBody(409)));
    expect(result.data).toBeUndefined();
    server.script({ kind: 'reset' });
    await expect(vendor.readResult(client())).rejects.toMatchObject({ code: 'network', attempts: 3 });
  });

  it('never shows its credential in an error or a log', async () => {
    const events: LogEvent[] = [];
    const logged = vendor.create(server.url, { ...fast, logger: (event) => events.push(event) });
    const errors: ParleyError[] = [];
    const faults = [
      { kind: 'echo-auth', status: 401 },
      { kind: 'echo-auth', status: 200 },
      { kind: 'hang' },
      { kind: 'reset' },
      { kind: 'reply', status: 429, headers: { 'retry-after': '120' }, body: '' },
      { kind: 'reply', status: 404, body: vendor.errorBody(404) },
      { kind: 'reply', status: 500, body: '' },
      { kind: 'reply', status: 409, headers: { 'retry-after': '0' }, body: '' },
      { kind: 'reply', status: 409, body: vendor.errorBody(409) },
      { kind: 'reply', status: 503, body: '' },
      { kind: 'stall-body', status: 200, partial: '{"id":' },
      // A success whose body reports failure, where the vendor's profile knows such bodies.
      ...vendor.failureBodies.map((body) => ({ kind: 'reply', status: 200, body }) as const),
    ] satisfies Fault[];
    for (const fault of faults) {
      server.script(fault);
      const silent = fault.kind === 'hang' || fault.kind === 'stall-body';
      errors.push(await failure(vendor.read(logged, silent ? { timeoutMs: impatient.timeoutMs } : undefined)));
    }
    const controller = new AbortController();
    controller.abort();
    errors.push(await failure(vendor.read(logged, { signal: controller.signal })));
    errors.push(await failure(vendor.read(vendor.create(await closedUrl(), { ...fast, logger: (event) => events.push(event) }))));

    expect(server.seen.length).toBeGreaterThan(0);
    for (const error of errors) {
      for (const shown of [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 10 }), String(error)]) {
        expect(shown).not.toContain(vendor.secret);
      }
    }
    expect(errors[0]?.message).toContain('[REDACTED]'); // the echoed header was scrubbed, not dropped
    expect(events.some((event) => event.type === 'request' && event.headers.authorization === '[REDACTED]')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(vendor.secret);
  });
});
