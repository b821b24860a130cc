// `validateResponses` in the runtime: a client over HTTP to a loopback server that drifts from the
// widgets spec (test/widgets-api.ts, its contract compiled by the real generator), in each mode.
import { closedUrl, startFaultServer, type Fault, type FaultServer } from '../../../tests/kit/src/fault-server.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isParleyError, ParleyError, type LogEvent } from '../src/index.js';
import { createWidgetsClient, getWidget, listWidgets, loadWidgetsContract, removeRenderedContract } from './widgets-api.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ maxRequests: 500 });
});
afterAll(async () => {
  await server.stop();
  removeRenderedContract();
});

const widget = { id: 'w1', state: 'active', count: 3, name: 'Sprocket' };
const reply = (body: unknown, status = 200, headers?: Record<string, string>): Fault => ({ kind: 'reply', status, body: typeof body === 'string' ? body : JSON.stringify(body), headers });
const path = { id: 'w1' };
const noRetry = { retry: false as const };

/** The contract loader, its calls counted: 'off' must never call it. */
const countingLoader = () => vi.fn(loadWidgetsContract);

// One drift at a time, from a conforming widget; values that must never reach an error or a log.
const drifts = [
  { name: 'a required member missing', body: { id: 'w1', state: 'active' }, in: 'body', path: '/count', rule: 'required' },
  { name: 'a new enum value', body: { ...widget, state: 'parley-new-state' }, in: 'body', path: '/state', rule: 'enum' },
  { name: 'a wrong type', body: { ...widget, count: 'three-and-a-bit' }, in: 'body', path: '/count', rule: 'type' },
];

describe("validateResponses: 'throw'", () => {
  it.each(drifts)('$name fails with contract, naming the path and the rule, not retried', async (drift) => {
    server.script(reply(drift.body, 200, { 'x-request-id': 'req-42', 'x-echo': 'seen widgets-secret-token' }));
    const client = createWidgetsClient(server.url, { validateResponses: 'throw' });
    const error = await getWidget.orThrow(client, { path }).catch((caught: unknown) => caught);
    expect(isParleyError(error, 'contract')).toBe(true);
    if (!isParleyError(error, 'contract')) return;
    expect(error).toMatchObject({ provider: 'widgets', operationId: 'getWidget', status: 200, requestId: 'req-42' });
    expect(error.violations).toEqual([
      { provider: 'widgets', operationId: 'getWidget', status: 200, in: drift.in, path: drift.path, rule: drift.rule, message: expect.any(String) },
    ]);
    expect(error.message).toMatch(new RegExp(`^widgets getWidget: HTTP 200 departs from the spec: body ${drift.path} .*\\(${drift.rule}\\)$`));
    // Headers as other errors carry them: the client's secret scrubbed wherever it appears.
    expect(error.headers['x-echo']).toBe('seen [REDACTED]');
    expect(JSON.stringify(error)).not.toMatch(/parley-new-state|three-and-a-bit/);
    expect(server.seen).toHaveLength(1); // retries are on by default: a contract error is final
    // The result style and the raw client refuse it too: a broken answer is no result.
    await expect(getWidget(client, { path })).rejects.toMatchObject({ code: 'contract', operationId: 'getWidget' });
    await expect(client.GET('/widgets/{id}', { params: { path } })).rejects.toMatchObject({ code: 'contract', operationId: 'getWidget' });
  });

  it('an undocumented status is a departure of the status', async () => {
    server.script(reply({ teapot: true }, 418));
    const error = await getWidget.orThrow(createWidgetsClient(server.url, { validateResponses: 'throw', ...noRetry }), { path }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'contract', status: 418, violations: [expect.objectContaining({ in: 'status', path: '', rule: 'status' })] });
  });

  it('a body of an undocumented media type is a departure of the body', async () => {
    server.script(reply('<html>oops</html>', 200, { 'content-type': 'text/html' }));
    const error = await getWidget.orThrow(createWidgetsClient(server.url, { validateResponses: 'throw', ...noRetry }), { path }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'contract', status: 200, violations: [expect.objectContaining({ in: 'body', path: '', rule: 'media-type' })] });
  });

  it('checks error answers too: a documented 404 is not_found as usual, a drifting one is contract', async () => {
    const client = createWidgetsClient(server.url, { validateResponses: 'throw', ...noRetry });
    server.script(reply({ title: 'No such widget' }, 404));
    await expect(getWidget.orThrow(client, { path })).rejects.toMatchObject({ code: 'not_found', status: 404 });
    server.script(reply({ detail: 'gone' }, 404));
    await expect(getWidget.orThrow(client, { path })).rejects.toMatchObject({ code: 'contract', status: 404, violations: [expect.objectContaining({ path: '/title', rule: 'required' })] });
  });

  it('names every departure, the first three in the message', async () => {
    server.script(reply({ items: [{ id: 1, state: 'lost' }, { id: 'w2', state: 'active', count: 1.5 }] }));
    const error = await listWidgets.orThrow(createWidgetsClient(server.url, { validateResponses: 'throw', ...noRetry })).catch((caught: unknown) => caught);
    expect(isParleyError(error, 'contract')).toBe(true);
    if (!isParleyError(error, 'contract')) return;
    expect(error.violations.map((v) => `${v.path} ${v.rule}`).sort()).toEqual(['/items/0/count required', '/items/0/id type', '/items/0/state enum', '/items/1/count type']);
    expect(error.message).toMatch(/; and 1 more$/);
  });
});

describe("validateResponses: 'warn'", () => {
  it.each(drifts)('$name is one contract event, without the value; the call returns its data', async (drift) => {
    server.script(reply(drift.body));
    const events: LogEvent[] = [];
    const client = createWidgetsClient(server.url, { validateResponses: 'warn', ...noRetry, logger: (event) => events.push(event) });
    await expect(getWidget.orThrow(client, { path })).resolves.toEqual(drift.body);
    const contract = events.filter((event) => event.type === 'contract');
    expect(contract).toEqual([
      { type: 'contract', provider: 'widgets', operationId: 'getWidget', status: 200, in: drift.in, path: drift.path, rule: drift.rule, message: expect.any(String) },
    ]);
    expect(JSON.stringify(contract)).not.toMatch(/parley-new-state|three-and-a-bit/);
    // The usual request and response events still come, the contract event after the answer.
    expect(events.map((event) => event.type)).toEqual(['request', 'response', 'contract']);
  });

  it('without a logger, writes one console line per departure', async () => {
    server.script(reply({ items: [{ id: 1, state: 'active', count: 1 }, { id: 'w2', state: 'lost', count: 1 }] }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(listWidgets.orThrow(createWidgetsClient(server.url, { validateResponses: 'warn', ...noRetry }))).resolves.toBeDefined();
      expect(warn.mock.calls.map(([line]) => line)).toEqual([
        expect.stringMatching(/^parley: widgets listWidgets: HTTP 200 departs from the spec: body \/items\/0\/id .*\(type\)$/),
        expect.stringMatching(/^parley: widgets listWidgets: HTTP 200 departs from the spec: body \/items\/1\/state .*\(enum\)$/),
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('leaves the usual outcome of an error answer as it is', async () => {
    server.script(reply({ detail: 'gone' }, 404));
    const events: LogEvent[] = [];
    const client = createWidgetsClient(server.url, { validateResponses: 'warn', ...noRetry, logger: (event) => events.push(event) });
    await expect(getWidget.orThrow(client, { path })).rejects.toMatchObject({ code: 'not_found', status: 404 });
    expect(events).toContainEqual(expect.objectContaining({ type: 'contract', status: 404, path: '/title', rule: 'required' }));
  });
});

describe('answers that are not checked, or not departures', () => {
  it("'off', given or by default, checks nothing and never loads the contract", async () => {
    const contract = countingLoader();
    const events: LogEvent[] = [];
    for (const options of [{}, { validateResponses: 'off' as const }]) {
      const client = createWidgetsClient(server.url, { ...options, ...noRetry, contract, logger: (event) => events.push(event) });
      server.script(reply(drifts[1]!.body, 418));
      await expect(getWidget.orThrow(client, { path })).rejects.toMatchObject({ code: 'provider', status: 418 });
      server.script(reply(drifts[1]!.body)); // a widget where the list is due
      await expect(listWidgets.orThrow(client)).resolves.toEqual(drifts[1]!.body);
    }
    expect(contract).not.toHaveBeenCalled();
    expect(events.map((event) => event.type)).not.toContain('contract');
  });

  it('a conforming answer passes in both modes, with no event', async () => {
    const contract = countingLoader();
    const events: LogEvent[] = [];
    server.script(reply(widget, 200, { 'x-request-id': 'req-1' }));
    for (const validateResponses of ['throw', 'warn'] as const) {
      const client = createWidgetsClient(server.url, { validateResponses, ...noRetry, contract, logger: (event) => events.push(event) });
      await expect(getWidget.orThrow(client, { path })).resolves.toEqual(widget);
    }
    expect(contract).toHaveBeenCalled();
    expect(events.filter((event) => event.type === 'contract')).toEqual([]);
  });

  it('gives the result style the answer as it came: status, headers, url, body', async () => {
    server.script(reply(widget, 200, { 'x-request-id': 'req-2' }));
    const { data, response } = await getWidget(createWidgetsClient(server.url, { validateResponses: 'warn', ...noRetry }), { path });
    expect(data).toEqual(widget);
    expect(response).toMatchObject({ status: 200, ok: true, url: `${server.url}/widgets/w1`, redirected: false });
    expect(response.headers.get('x-request-id')).toBe('req-2');
  });

  it('an undocumented 503 is retried, not a contract error', async () => {
    server.script(reply('<html>busy</html>', 503, { 'content-type': 'text/html' }), reply(widget));
    const client = createWidgetsClient(server.url, { validateResponses: 'throw', retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(getWidget.orThrow(client, { path })).resolves.toEqual(widget);
    expect(server.seen).toHaveLength(2);
  });

  it('a documented 503 is checked: retried when it conforms, final when it drifts', async () => {
    const client = createWidgetsClient(server.url, { validateResponses: 'throw', retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    server.script(reply({ until: 'soon' }, 503), reply({ items: [widget] }));
    await expect(listWidgets.orThrow(client)).resolves.toEqual({ items: [widget] });
    expect(server.seen).toHaveLength(2);
    server.script(reply({ reason: 'maintenance' }, 503));
    await expect(listWidgets.orThrow(client)).rejects.toMatchObject({ code: 'contract', status: 503, violations: [expect.objectContaining({ path: '/until', rule: 'required' })] });
    expect(server.seen).toHaveLength(1);
  });

  it("a body the caller streams (parseAs: 'stream') is the caller's: not read, not checked", async () => {
    server.script(reply(drifts[1]!.body));
    const client = createWidgetsClient(server.url, { validateResponses: 'throw', ...noRetry });
    const { data, response } = await client.GET('/widgets/{id}', { params: { path }, parseAs: 'stream' });
    expect(response.status).toBe(200);
    expect(JSON.parse(await new Response(data as ReadableStream).text())).toEqual(drifts[1]!.body);
  });
});

describe('the mode', () => {
  it('is refused before anything is sent when it is none of off, warn, throw', async () => {
    for (const validateResponses of ['strict', true, 1]) {
      const client = createWidgetsClient(await closedUrl(), { validateResponses: validateResponses as never, ...noRetry });
      const error = await getWidget.orThrow(client, { path }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ParleyError);
      expect(error).toMatchObject({ code: 'invalid_input', field: 'validateResponses', provider: 'widgets', message: "widgets: validateResponses must be 'off', 'warn' or 'throw'" });
    }
  });
});
