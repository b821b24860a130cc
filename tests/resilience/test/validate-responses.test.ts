// `validateResponses` on every registered vendor's client, against real servers: a loopback vendor
// that drifts from the spec (its answers made from the spec's own examples, then broken one way at
// a time), and Prism serving the spec, whose every documented answer must pass.
import { isParleyError, type LogEvent } from '@parley/runtime';
import { closedUrl, startFaultServer, type FaultServer } from '@parley/testkit/fault-server';
import { pathExample, requestExample, responseExamples } from '@parley/testkit/fixtures';
import { prefer } from '@parley/testkit/prefer';
import { startMocks, type Mocks } from '@parley/mocks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSpec, operationsOf, resolve } from '../../../tools/codegen/spec.mjs';
import { oneCasePerVendor, type VendorCase } from './vendors.js';

type Schema = { type?: string | string[]; enum?: unknown[]; required?: string[]; properties?: Record<string, Schema>; $ref?: string };

/** The read operation's 200 schema, resolved one level: its required members, an enum member and a string member. */
function membersOf(c: VendorCase) {
  const spec = loadSpec(c.vendor.specFile);
  const response = resolve(spec, spec.paths[c.readOp.path].get.responses['200']);
  const schema = resolve(spec, Object.values(response.content as Record<string, { schema: Schema }>)[0]!.schema) as Schema;
  const member = (name: string) => resolve(spec, schema.properties?.[name] ?? {}) as Schema;
  const names = Object.keys(schema.properties ?? {});
  return {
    required: schema.required?.[0],
    enumMember: names.find((name) => Array.isArray(member(name).enum)),
    stringMember: names.find((name) => member(name).type === 'string' && !member(name).enum),
  };
}

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ maxRequests: 1000 });
});
afterAll(() => server.stop());

const reply = (body: string, status = 200, headers?: Record<string, string>) => ({ kind: 'reply' as const, status, body, headers });

describe.each(oneCasePerVendor)('$name against a vendor that drifts', (c) => {
  // The read's own example (the case's okBody may be the update's, another shape).
  const ok = Object.values(responseExamples(c.vendor.id, c.readOp.operationId, 200))[0] as Record<string, unknown>;
  const okBody = JSON.stringify(ok);
  const { required, enumMember, stringMember } = membersOf(c);
  const drifts = [
    ...(required ? [{ name: `required member ${required} missing`, body: { ...ok, [required]: undefined }, path: `/${required}`, rule: 'required' }] : []),
    ...(enumMember ? [{ name: `a new value of ${enumMember}`, body: { ...ok, [enumMember]: 'parley-new-value' }, path: `/${enumMember}`, rule: 'enum' }] : []),
    ...(stringMember ? [{ name: `${stringMember} a number`, body: { ...ok, [stringMember]: 12345 }, path: `/${stringMember}`, rule: 'type' }] : []),
  ];

  it('finds something to break in the spec (a required member, an enum or a string)', () => {
    expect(drifts.length).toBeGreaterThan(0);
  });

  it.each(drifts)("'throw': $name fails with contract, naming the path and rule", async ({ body, path, rule }) => {
    server.script(reply(JSON.stringify(body)));
    const client = c.create(server.url, { validateResponses: 'throw', retry: false });
    const error = await c.read(client).catch((caught: unknown) => caught);
    expect(isParleyError(error, 'contract')).toBe(true);
    if (!isParleyError(error, 'contract')) return;
    expect(error).toMatchObject({ provider: c.vendor.id, operationId: c.readOp.operationId, status: 200 });
    expect(error.violations).toContainEqual(expect.objectContaining({ in: 'body', path, rule, operationId: c.readOp.operationId, status: 200 }));
    expect(error.message).toContain(path);
    expect(server.seen).toHaveLength(1); // not retried
    // Result style too: a broken answer is no result.
    await expect(c.readResult(client)).rejects.toMatchObject({ code: 'contract' });
  });

  it.each(drifts)("'warn': $name is one contract event per departure, and the call returns the data", async ({ body, path, rule }) => {
    server.script(reply(JSON.stringify(body)));
    const events: LogEvent[] = [];
    const client = c.create(server.url, { validateResponses: 'warn', retry: false, logger: (event) => events.push(event) });
    await expect(c.read(client)).resolves.toEqual(JSON.parse(JSON.stringify(body)));
    const contract = events.filter((event) => event.type === 'contract');
    expect(contract).toContainEqual(expect.objectContaining({ type: 'contract', provider: c.vendor.id, operationId: c.readOp.operationId, status: 200, path, rule }));
    // Events name the rule broken, never the value that broke it.
    expect(JSON.stringify(contract)).not.toContain('parley-new-value');
    expect(JSON.stringify(contract)).not.toContain('12345');
  });

  it("'warn' without a logger writes one console line per departure", async () => {
    server.script(reply(JSON.stringify(drifts[0]!.body)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await c.read(c.create(server.url, { validateResponses: 'warn', retry: false }));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${c.vendor.id} ${c.readOp.operationId}: HTTP 200 departs from the spec: body ${drifts[0]!.path}`));
    } finally {
      warn.mockRestore();
    }
  });

  it("'off' (the default) checks nothing", async () => {
    server.script(reply(JSON.stringify(drifts[0]!.body)));
    const events: LogEvent[] = [];
    for (const client of [c.create(server.url, { retry: false, logger: (event) => events.push(event) }), c.create(server.url, { validateResponses: 'off', retry: false, logger: (event) => events.push(event) })]) {
      await expect(c.read(client)).resolves.toBeDefined();
    }
    expect(events.map((event) => event.type)).not.toContain('contract');
  });

  it('an undocumented status and a body of another media type are departures', async () => {
    const client = c.create(server.url, { validateResponses: 'throw', retry: false });
    server.script(reply('{}', 418));
    await expect(c.read(client)).rejects.toMatchObject({ code: 'contract', status: 418, violations: [expect.objectContaining({ in: 'status', rule: 'status' })] });
    server.script(reply('<html>oops</html>', 200, { 'content-type': 'text/html' }));
    await expect(c.read(client)).rejects.toMatchObject({ code: 'contract', violations: [expect.objectContaining({ in: 'body', rule: 'media-type' })] });
  });

  it('a conforming answer passes, in both modes', async () => {
    const events: LogEvent[] = [];
    server.script(reply(okBody));
    await expect(c.read(c.create(server.url, { validateResponses: 'throw', retry: false }))).resolves.toEqual(ok);
    await expect(c.read(c.create(server.url, { validateResponses: 'warn', retry: false, logger: (event) => events.push(event) }))).resolves.toEqual(ok);
    expect(events.filter((event) => event.type === 'contract')).toEqual([]);
  });

  it('an undocumented 503 is retried, not a contract error', async () => {
    server.script(reply('<html>busy</html>', 503, { 'content-type': 'text/html' }), reply(okBody));
    const client = c.create(server.url, { validateResponses: 'throw', retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(c.read(client)).resolves.toEqual(ok);
    expect(server.seen).toHaveLength(2);
  });

  it('a mode that is none of off, warn, throw is refused before anything is sent', async () => {
    server.script(reply(okBody));
    const client = c.create(await closedUrl(), { validateResponses: 'strict' as never, retry: false });
    await expect(c.read(client)).rejects.toMatchObject({ code: 'invalid_input', field: 'validateResponses', message: expect.stringContaining("'off', 'warn' or 'throw'") });
  });
});

describe('every documented answer of every operation, as the Prism mock gives it, passes validation', () => {
  let mocks: Mocks;
  beforeAll(async () => {
    const ids = oneCasePerVendor.map((c) => c.vendor.id) as unknown as NonNullable<Parameters<typeof startMocks>[0]>['vendors'];
    mocks = await startMocks({ vendors: ids, stateful: false });
  }, 60_000);
  afterAll(() => mocks?.stop());

  const answers = oneCasePerVendor.flatMap((c) => {
    const spec = loadSpec(c.vendor.specFile);
    return operationsOf(spec).flatMap((op) => {
      const operation = spec.paths[op.path][op.method];
      return Object.keys(operation.responses).flatMap((status) => {
        const named = Object.keys(responseExamples(c.vendor.id, op.operationId, status));
        return (named.length ? named : [undefined]).map((example) => ({ c, op, status: Number(status), example, name: `${c.vendor.id} ${op.operationId} ${status}${example ? ` ${example}` : ''}` }));
      });
    });
  });

  it.each(answers)('$name', async ({ c, op, status, example }) => {
    const url = (mocks.urls as Record<string, string>)[c.vendor.id]!;
    const client = c.create(url, { validateResponses: 'throw', retry: false }) as never;
    const args = { ...(op.path_ ? { path: pathExample(c.vendor.id, op.operationId) } : {}), ...(op.body ? { body: requestExample(c.vendor.id, op.operationId) } : {}) };
    const call = (await import(`${c.vendor.packageDir}dist/index.js`))[op.operationId];
    const result = await call(client, args, { headers: prefer({ code: status, ...(example ? { example } : {}) }) });
    expect(result.response.status).toBe(status);
  });
});
