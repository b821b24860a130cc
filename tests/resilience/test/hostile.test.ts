// No hostile input and no server answer makes a public function throw anything but a ParleyError
// with a documented code. Walked generically: every registered vendor's exported operations (both
// styles) and factory, and the unified API over every adapter, with inputs and answers from the
// specs' examples. No sockets: every client sends to a stub fetch; retries wait a few ms.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ParleyError } from '@parley/runtime';
import { credentialsFor } from '@parley/testkit/credentials';
import { pathExample, requestExample, responseExamples } from '@parley/testkit/fixtures';
import { networkError, stallBody, stubFetch, type StubAnswer, type StubCall, type StubFetch } from '@parley/testkit/stub-fetch';
import { ADAPTERS, capabilities, createParley, PARTICIPANT_STATUSES, PROVIDERS } from '@parley/unified';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { credentialSchemes } from '../../../tools/codegen/render.mjs';
import { loadSpec, operationsOf } from '../../../tools/codegen/spec.mjs';
import { vendors, type VendorEntry } from '../../../tools/registry.mjs';

// The codes README "Errors" documents.
const CODES = ['invalid_input', 'unsupported', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'provider', 'network', 'timeout', 'cancelled'];
/** Codes for no answer: in the answer tables, allowed only where the case takes the answer away. */
const TRANSPORT = ['network', 'timeout', 'cancelled'];
const BASE = 'https://parley.invalid'; // never resolves, should the stub ever be bypassed
const FAST = { timeoutMs: 2_000, retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 } };

type Fn = (...args: unknown[]) => unknown;
interface Operation {
  name: string;
  /** Valid arguments: path parameters and body from the spec's examples. */
  args: Record<string, unknown>;
  call: Fn & { orThrow: Fn };
}
interface Route {
  method: string;
  pattern: RegExp;
  /** The first success example of the operation, {} when it has none. */
  example: unknown;
}

async function subjectOf(vendor: VendorEntry) {
  const spec = loadSpec(vendor.specFile);
  const module: Record<string, unknown> = await import(pathToFileURL(`${vendor.packageDir}dist/index.js`).href);
  const declared = operationsOf(spec);
  const operations: Operation[] = Object.entries(module)
    .filter(([, value]) => typeof value === 'function' && typeof (value as { orThrow?: unknown }).orThrow === 'function')
    .map(([name, call]) => {
      const op = declared.find((o) => o.operationId === name);
      if (!op) throw new Error(`${vendor.id} exports ${name}, which its spec does not declare`);
      const args: Record<string, unknown> = {};
      if (op.path_) args.path = pathExample(vendor.id, name);
      if (op.body) args.body = requestExample(vendor.id, name);
      return { name, args, call: call as Operation['call'] };
    });
  const routes: Route[] = declared.map((op) => ({
    method: op.method.toUpperCase(),
    pattern: new RegExp(`^${op.path.replace(/\{[^{}]+\}/g, '[^/]+')}$`),
    example: Object.values({ ...responseExamples(vendor.id, op.operationId, 201), ...responseExamples(vendor.id, op.operationId, 200) })[0] ?? {},
  }));
  const schemes = credentialSchemes(spec).map((scheme) => ({ key: scheme.key, credentials: credentialsFor(scheme, `parley-${vendor.id}-secret-4815`) }));
  const factory = module[vendor.identifiers.factory] as Fn;
  const client = (fetch: StubFetch, options: object = {}) => factory({ ...schemes[0]!.credentials, baseUrl: BASE, fetch, ...FAST, ...options }) as object;
  return { id: vendor.id, factory: vendor.identifiers.factory, create: factory, schemes, operations, routes, client };
}
type Subject = Awaited<ReturnType<typeof subjectOf>>;
const subjects = await Promise.all(vendors().map(subjectOf));
const subject = (id: string) => subjects.find((s) => s.id === id)!;

// ---- the verdict every case shares -------------------------------------------------------------

/** What escaped, with the top of its stack: what the report needs to find the cause. */
function escaped(error: unknown): string {
  if (!(error instanceof Error)) return `a non-Error (${typeof error}): ${String(error)}`;
  return `${error.constructor.name}: ${error.message.slice(0, 300)}\n${error.stack?.split('\n').slice(1, 5).join('\n')}`;
}

/**
 * Runs `run` (sync or async) and returns what it gave, or the ParleyError it threw after checking
 * it: a documented code, and for an input refused before sending (`field`, no `status`) no
 * request sent. With `validInput`, such a refusal is itself a failure: the fault was the server's;
 * and of the codes for no answer, only those in `transport`.
 */
async function contained(run: () => unknown, stub: StubFetch, validInput = false, transport: string[] = TRANSPORT): Promise<{ value?: unknown; error?: ParleyError }> {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    if (!(error instanceof ParleyError)) throw new Error(`escaped: ${escaped(error)}`);
    if (!CODES.includes(error.code)) throw new Error(`undocumented code ${String(error.code)}: ${error.message}`);
    const refused = (error.code === 'invalid_input' || error.code === 'unsupported') && error.status === undefined;
    if (refused && validInput) throw new Error(`a valid input refused as ${error.code} (${error.field}): ${error.message}`);
    if (refused && typeof error.field !== 'string') throw new Error(`${error.code} without field: ${error.message}`);
    if (refused && stub.calls.length) throw new Error(`${error.code} after sending ${stub.calls.length} request(s): ${error.message}`);
    if (TRANSPORT.includes(error.code) && !transport.includes(error.code)) throw new Error(`${error.code}, yet the server answered: ${error.message}`);
    if (error.code === 'rate_limited' && typeof error.retryAfterMs !== 'number') throw new Error(`rate_limited without retryAfterMs: ${error.message}`);
    return { error };
  }
  return { value };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));
afterEach(() => expect(unhandled.splice(0).map(escaped)).toEqual([]));

// ---- hostile inputs to the vendor packages -----------------------------------------------------

const circular: Record<string, unknown> = { id: 'x' };
circular.self = circular;
type Args = Record<string, unknown>;
/** Every path parameter of the operation set to `value` (a made-up one when it has none). */
const everyPathParameter = (value: unknown) => (args: Args) => ({
  ...args,
  path: Object.fromEntries(Object.keys((args.path as object | undefined) ?? { id: 0 }).map((name) => [name, value])),
});
const hostileArgs: [string, (args: Args) => unknown][] = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['0', () => 0],
  ["''", () => ''],
  ["'x'", () => 'x'],
  ['[]', () => []],
  ['{}', () => ({})],
  ['{ path: null }', (args) => ({ ...args, path: null })],
  ["{ path: 'x' }", (args) => ({ ...args, path: 'x' })],
  ["{ path: { id: '..' } }", () => ({ path: { id: '..' } })],
  ["every path parameter '..'", everyPathParameter('..')],
  ['every path parameter {}', everyPathParameter({})],
  ['every path parameter []', everyPathParameter([])],
  ['every path parameter a symbol', everyPathParameter(Symbol('id'))],
  ['every path parameter a BigInt', everyPathParameter(10n)],
  ['every path parameter NaN', everyPathParameter(NaN)],
  ['every path parameter Infinity', everyPathParameter(Infinity)],
  ['every path parameter -1', everyPathParameter(-1)],
  ['every path parameter true', everyPathParameter(true)],
  ['{ body: circular }', (args) => ({ ...args, body: circular })],
  ['{ body: BigInt }', (args) => ({ ...args, body: 10n })],
  ['{ body: a symbol }', (args) => ({ ...args, body: Symbol('body') })],
  ['{ query: { x: { deep: { er: 1 } } } }', (args) => ({ ...args, query: { x: { deep: { er: 1 } } } })],
  ['{ query: { x: a symbol } }', (args) => ({ ...args, query: { x: Symbol('q') } })],
  ["{ query: 'x' }", (args) => ({ ...args, query: 'x' })],
  ["{ header: { 'X-A': 'a\\r\\nb' } }", (args) => ({ ...args, header: { 'X-A': 'a\r\nb' } })],
  ["{ header: 'x' }", (args) => ({ ...args, header: 'x' })],
];

const aborted = AbortSignal.abort(new Error('gone'));
const hostileOptions: [string, unknown][] = [
  ['null', null],
  ["'str'", 'str'],
  ['5', 5],
  ['[]', []],
  ["{ signal: 'nope' }", { signal: 'nope' }],
  ['{ signal: {} }', { signal: {} }],
  ['{ signal: aborted }', { signal: aborted }],
  ["{ headers: 'x' }", { headers: 'x' }],
  ["{ headers: { 'bad name': 'v' } }", { headers: { 'bad name': 'v' } }],
  ["{ headers: { 'X-A': 'é€' } }", { headers: { 'X-A': 'é€' } }],
  ["{ headers: { 'X-A': 'a\\r\\nb' } }", { headers: { 'X-A': 'a\r\nb' } }],
  ["{ headers: { 'X-A': a symbol } }", { headers: { 'X-A': Symbol('h') } }],
  ['{ timeoutMs: -1 }', { timeoutMs: -1 }],
  ['{ timeoutMs: NaN }', { timeoutMs: NaN }],
  ["{ deadlineMs: 'soon' }", { deadlineMs: 'soon' }],
  ["{ retry: 'yes' }", { retry: 'yes' }],
  ['{ retry: null }', { retry: null }],
  ['{ retry: { maxRetries: -1 } }', { retry: { maxRetries: -1 } }],
];

// A plain openapi-fetch client: the same interface, but not one a Parley factory made.
const runtimeRequire = createRequire(new URL('../../../packages/runtime/package.json', import.meta.url));
const createOpenApiClient = (runtimeRequire('openapi-fetch') as { default: (options: object) => object }).default;
const notClients: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ["'client'", 'client'],
  ['{}', {}],
  ['a plain openapi-fetch client', createOpenApiClient({ baseUrl: BASE })],
];

const STYLES = [
  { style: 'plain', pick: (op: Operation) => op.call },
  { style: 'orThrow', pick: (op: Operation) => op.call.orThrow },
];

describe.each(subjects)('$id operations', (s) => {
  describe.each(s.operations)('$name', (op) => {
    describe.each(STYLES)('$style', ({ pick }) => {
      it.each(hostileArgs)('args %s', async (_, args) => {
        const stub = stubFetch();
        await contained(() => pick(op)(s.client(stub), args(op.args)), stub);
      });
      it.each(hostileOptions)('options %s', async (_, options) => {
        const stub = stubFetch();
        await contained(() => pick(op)(s.client(stub), op.args, options), stub);
      });
      it.each(notClients)('client %s', async (_, client) => {
        const stub = stubFetch();
        const { error } = await contained(() => pick(op)(client, op.args), stub);
        expect(error?.code).toBe('invalid_input');
      });
    });
  });
});

/** Factory options, given the stub to send to: whole-option garbage, each credential spoiled, each other option. */
function factoryCases(credentials: Record<string, string>): [string, (fetch: StubFetch) => unknown][] {
  const base = (fetch: StubFetch) => ({ ...credentials, baseUrl: BASE, fetch });
  const spoiled = Object.keys(credentials).flatMap((key) =>
    ([5, {}, null, '', '  ', 'a\r\nb', 'a\0b', '🔑'] as unknown[]).map((value): [string, Record<string, unknown>] => [`${key}: ${JSON.stringify(value)}`, { [key]: value }]),
  );
  const other: [string, Record<string, unknown>][] = [
    ['baseUrl garbage', { baseUrl: 'not a url' }],
    ["baseUrl ''", { baseUrl: '' }],
    ['baseUrl 5', { baseUrl: 5 }],
    ['baseUrl a symbol', { baseUrl: Symbol('url') }],
    ['baseUrl a URL object', { baseUrl: new URL(BASE) }],
    ['baseUrl ftp:', { baseUrl: 'ftp://files.example.com' }],
    ['baseUrl http non-loopback', { baseUrl: 'http://api.example.com' }],
    ['baseUrl javascript:', { baseUrl: 'javascript:alert(1)' }],
    ["fetch: 'x'", { fetch: 'x' }],
    ['logger: 5', { logger: 5 }],
    ['headers: 5', { headers: 5 }],
    ["headers: { 'a b': 'c' }", { headers: { 'a b': 'c' } }],
    ["headers: { 'X-A': 'é€' }", { headers: { 'X-A': 'é€' } }],
    ['timeoutMs: -1', { timeoutMs: -1 }],
    ["timeoutMs: '5'", { timeoutMs: '5' }],
    ["deadlineMs: 'soon'", { deadlineMs: 'soon' }],
    ["retry: 'yes'", { retry: 'yes' }],
    ['retry: { maxRetries: 1.5 }', { retry: { maxRetries: 1.5 } }],
    ["allowInsecureHttp: 'no'", { allowInsecureHttp: 'no' }],
  ];
  const whole: [string, unknown][] = [['undefined', undefined], ['null', null], ['{}', {}], ['5', 5], ["'str'", 'str'], ['[]', []]];
  return [
    ...whole.map(([name, options]): [string, () => unknown] => [name, () => options]),
    ...[...spoiled, ...other].map(([name, o]): [string, (fetch: StubFetch) => unknown] => [name, (fetch) => ({ ...base(fetch), ...o })]),
  ];
}

describe.each(subjects.flatMap((s) => s.schemes.map((scheme) => ({ ...scheme, s, name: `${s.factory} (${scheme.key})` }))))('$name', ({ s, credentials }) => {
  it.each(factoryCases(credentials))('options %s', async (_, options) => {
    const stub = stubFetch();
    const given = options(stub);
    const { value: client } = await contained(() => s.create(given), stub);
    // A client made from odd options must still call safely (only through the stub, never the network).
    const [op] = s.operations;
    if (client && (given as { fetch?: unknown }).fetch === stub) await contained(() => op!.call.orThrow(client, op!.args), stub);
  });
});

// ---- hostile server answers ----------------------------------------------------------------------

/**
 * 2 MB of nested arrays: 100 000 deep (far past what a recursive walk of a parsed body survives),
 * padded with a string; a million arrays would take ~180 ms per parse, too slow for ~60 cases.
 */
const DEEP = `${'['.repeat(100_000)}"${'x'.repeat(1_800_000)}"${']'.repeat(100_000)}`;
const mapValues = (value: object, f: (v: unknown) => unknown) => Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]));
/** Every value the wrong JSON type: strings become numbers, arrays a string, other leaves a string. */
const mistyped = (v: unknown): unknown => (Array.isArray(v) ? 'not an array' : v && typeof v === 'object' ? mapValues(v, mistyped) : typeof v === 'string' ? 42 : 'x');
/** Every leaf null, every array `[null]`. */
const nulled = (v: unknown): unknown => (Array.isArray(v) ? [null] : v && typeof v === 'object' ? mapValues(v, nulled) : null);
/** Arrays of items of every wrong kind. */
const oddItems = (v: unknown): unknown => (Array.isArray(v) ? [true, 'x', 0, -1, 1.5, {}, []] : v && typeof v === 'object' ? mapValues(v, oddItems) : v);

/** An answer derived from the success example of whichever operation the request is for. */
const fromExample = (s: Subject, transform: (example: unknown) => unknown) => (call: StubCall) => {
  const { pathname } = new URL(call.url);
  const route = s.routes.find((r) => r.method === call.method && r.pattern.test(pathname));
  return Response.json(transform(route?.example ?? {}));
};
const json = (text: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
const html = (status: number) => new Response('<!doctype html><html><body><h1>Oops</h1></body></html>', { status, headers: { 'content-type': 'text/html' } });
/** What fetch gives a write (`redirect: 'manual'`) for a redirect: status 0, no headers, no body. */
const opaqueRedirect = () =>
  Object.defineProperties(new Response(null), { type: { value: 'opaqueredirect' }, status: { value: 0 }, ok: { value: false }, redirected: { value: false } });
const ODD_HEADERS = { 'x-request-id': 'ÿ'.repeat(5000), 'retry-after': 'ÿ', location: 'javascript:alert(1)', 'content-type': 'application/json; charset=ebcdic' };

/** A name, the stub's answers, the codes for no answer it may cause, per-call options. */
type AnswerCase = [string, (s: Subject) => StubAnswer[], string[]?, object?];
const answers: AnswerCase[] = [
  ['empty 200', () => [new Response('', { status: 200 })]],
  ['204', () => [new Response(null, { status: 204 })]],
  ['null', () => [json('null')]],
  ['[]', () => [json('[]')]],
  ['{}', () => [json('{}')]],
  ['"a string"', () => [json('"a string"')]],
  ['42', () => [json('42')]],
  ['the example mistyped', (s) => [fromExample(s, mistyped)]],
  ['the example nulled', (s) => [fromExample(s, nulled)]],
  ['the example with odd array items', (s) => [fromExample(s, oddItems)]],
  ['HTML 200', () => [html(200)]],
  ['truncated JSON', () => [json('{"id": "abc", "status": "act')]],
  ['500 HTML page', () => [html(500)]],
  ['302 with Location', () => [new Response(null, { status: 302, headers: { location: 'https://evil.example/x' } })]],
  ['307 with Location and a body', () => [json('{}', 307, { location: '/elsewhere' })]],
  ['an opaque redirect', () => [opaqueRedirect]],
  ['429 with Retry-After garbage', () => [json('', 429, { 'retry-after': 'soon' })]],
  ['429 with Retry-After -1', () => [json('', 429, { 'retry-after': '-1' })]],
  ['429 with a huge Retry-After', () => [json('', 429, { 'retry-after': '99999999999999999999999' })]],
  ['429 with a far Retry-After date', () => [json('', 429, { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' })]],
  ['a network error', () => [networkError()], ['network']],
  ['fetch rejecting with null', () => [() => Promise.reject(null)], ['network']],
  ['fetch resolving with undefined', () => [() => undefined as unknown as Response], ['network']],
  ['a stalled body', () => [stallBody(200, '{"id":')], ['timeout'], { timeoutMs: 10, retry: false }],
  ['odd headers on 200', (s) => [(call) => new Response(fromExample(s, (e) => e)(call).body, { status: 200, headers: ODD_HEADERS })]],
  ['odd headers on 503', () => [json('{}', 503, ODD_HEADERS)]],
  ['content-length 0 with a body', () => [json('{"id":"x"}', 200, { 'content-length': '0' })]],
  // Parsing 2 MB takes a while: one attempt is enough.
  ['2 MB of nested arrays', () => [json(DEEP)], [], { retry: false }],
  ['2 MB of nested arrays on 500', () => [json(DEEP, 500)], [], { retry: false }],
];

describe.each(subjects)('$id operations answered', (s) => {
  describe.each(s.operations)('$name', (op) => {
    it('resolves with the spec example (the baseline: these calls are valid)', async () => {
      const stub = stubFetch(fromExample(s, (e) => e));
      await expect(op.call.orThrow(s.client(stub), op.args)).resolves.toBeDefined();
      expect(stub.calls).toHaveLength(1);
    });
    describe.each(STYLES)('$style', ({ pick }) => {
      it.each(answers)('%s', async (_, answer, transport = [], options) => {
        const stub = stubFetch(...answer(s));
        const { value } = await contained(() => pick(op)(s.client(stub), op.args, options), stub, true, transport);
        if (value !== undefined && pick(op) === op.call) expect((value as { response?: unknown }).response).toBeInstanceOf(Response);
      });
    });
  });
});

// ---- the unified API ---------------------------------------------------------------------------

/** A valid participant of the provider, as its adapter's capability data gives it. */
const exampleOf = (provider: string) =>
  ADAPTERS.find((a) => a.provider === provider)!.capabilities.example as { chatId: unknown; participantId: unknown; memberId?: unknown; scope?: Record<string, string> };

/** A Parley over one provider, its client sending to `stub`; scope defaults from the capability example. */
function parleyFor(provider: string, stub: StubFetch) {
  const options = { ...subject(provider).schemes[0]!.credentials, ...exampleOf(provider).scope, baseUrl: BASE, fetch: stub, ...FAST };
  return createParley({ [provider]: options });
}

/** Fails unless `p` is a participant of the documented model (checked by hand: `raw` may be huge). */
function checkParticipant(p: unknown, provider: string) {
  const problem = (() => {
    if (!p || typeof p !== 'object') return `not an object: ${typeof p}`;
    const { provider: pr, id, chatId, status, displayName, muted, lastReadMessageId } = p as Record<string, unknown>;
    if (pr !== provider) return `provider ${String(pr)}`;
    if (typeof id !== 'string' || !id.trim()) return `id ${String(id)}`;
    if (typeof chatId !== 'string' || !chatId.trim()) return `chatId ${String(chatId)}`;
    if (![...PARTICIPANT_STATUSES, 'unknown'].includes(status as string)) return `status ${String(status)}`;
    if (displayName !== undefined && typeof displayName !== 'string') return `displayName ${typeof displayName}`;
    if (muted !== undefined && typeof muted !== 'boolean') return `muted ${typeof muted}`;
    if (lastReadMessageId !== undefined && typeof lastReadMessageId !== 'string') return `lastReadMessageId ${typeof lastReadMessageId}`;
    if (!('raw' in p)) return 'no raw';
    return undefined;
  })();
  if (problem) throw new Error(`${provider}: not a documented participant: ${problem}`);
}

/** Fails unless `r` is what `participants.remove` documents: who was removed, from which chat, and `raw`. */
function checkRemoved(r: unknown, provider: string) {
  const { provider: pr, id, chatId } = (r ?? {}) as Record<string, unknown>;
  if (pr !== provider || typeof id !== 'string' || !id.trim() || typeof chatId !== 'string' || !(typeof r === 'object' && r && 'raw' in r)) {
    throw new Error(`${provider}: not a documented removal: ${JSON.stringify(r)?.slice(0, 200)}`);
  }
}

const METHODS = ['get', 'list', 'update', 'add', 'remove'] as const;
/** What a provider's unified API does: `update` only where it can set a status, `add`/`remove` where it can. */
const methodsOf = (provider: string) => {
  const can = capabilities(provider as never);
  return METHODS.filter((method) => (method === 'update' ? can.set.status.length > 0 : method === 'add' || method === 'remove' ? can[method] : true));
};
type Parley = ReturnType<typeof createParley>;
/** Calls one method with a valid reference; list is drained (and must end). */
async function callUnified(parley: Parley, method: (typeof METHODS)[number], provider: string, options?: unknown): Promise<unknown[]> {
  const { chatId, participantId, memberId } = exampleOf(provider);
  const p = parley.participants as unknown as Record<string, Fn>;
  if (method === 'get') return [await p.get!({ provider, chatId, participantId }, options)];
  if (method === 'add') return [await p.add!({ provider, chatId, memberId }, options)];
  if (method === 'remove') return [await p.remove!({ provider, chatId, participantId }, options)];
  if (method === 'update') {
    const status = parley.capabilities(provider as never).set.status[0];
    return [await p.update!({ provider, chatId, participantId, set: { status } }, options)];
  }
  const out: unknown[] = [];
  for await (const item of p.list!({ provider, chatId }, options) as AsyncIterable<unknown>) {
    out.push(item);
    if (out.length > 1000) throw new Error('the list did not end');
  }
  return out;
}

describe.each(PROVIDERS.map((provider) => ({ provider })))('unified $provider answered', ({ provider }) => {
  describe.each(methodsOf(provider).map((method) => ({ method })))('$method', ({ method }) => {
    const check = method === 'remove' ? checkRemoved : checkParticipant;
    it('resolves with the spec examples (the baseline: these calls are valid)', async () => {
      const participants = await callUnified(parleyFor(provider, stubFetch(fromExample(subject(provider), (e) => e))), method, provider);
      expect(participants.length).toBeGreaterThan(0);
      for (const participant of participants) check(participant, provider);
    });
    it.each(answers)('%s', async (_, answer, transport = [], options) => {
      const stub = stubFetch(...answer(subject(provider)));
      const { value } = await contained(() => callUnified(parleyFor(provider, stub), method, provider, options), stub, true, transport);
      for (const participant of (value as unknown[] | undefined) ?? []) check(participant, provider);
    });
  });
});

// Hostile inputs to the unified API: each provider's valid reference spoiled one field at a time.
describe.each(PROVIDERS.map((provider) => ({ provider })))('unified $provider inputs', ({ provider }) => {
  const { chatId, participantId, scope = {} } = exampleOf(provider);
  const ref = { provider, chatId, participantId };
  const inputs: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['5', 5],
    ["'x'", 'x'],
    ['[]', []],
    ['{}', {}],
    ["provider 'nope'", { ...ref, provider: 'nope' }],
    ['provider {}', { ...ref, provider: {} }],
    ['chatId {}', { ...ref, chatId: {} }],
    ['chatId a BigInt', { ...ref, chatId: 10n }],
    ["chatId '..'", { ...ref, chatId: '..' }],
    ['participantId a symbol', { ...ref, participantId: Symbol('p') }],
    ['participantId NaN', { ...ref, participantId: NaN }],
    ["participantId '.'", { ...ref, participantId: '.' }],
    ['an unknown field', { ...ref, extra: 1 }],
    ...Object.keys(scope).map((field): [string, unknown] => [`${field} 5`, { ...ref, [field]: 5 }]),
  ];
  const sets: [string, unknown][] = [
    ['set undefined', undefined],
    ['set null', null],
    ["set 'x'", 'x'],
    ['set {}', {}],
    ["set { status: 'nope' }", { status: 'nope' }],
    ["set { status: 'inactive' }", { status: 'inactive' }],
    ["set { muted: 'yes' }", { muted: 'yes' }],
    ['set { muted: true }', { muted: true }],
    ["set { lastReadMessageId: ' ' }", { lastReadMessageId: ' ' }],
    ['set { lastReadMessageId: 5 }', { lastReadMessageId: 5 }],
    ['set { role: 1 }', { role: 1 }],
  ];
  const run = async (f: (parley: Parley) => unknown) => {
    const stub = stubFetch();
    await contained(() => f(parleyFor(provider, stub)), stub);
  };
  const p = (parley: Parley) => parley.participants as unknown as Record<string, Fn>;

  it.each(inputs)('get %s', (_, input) => run((parley) => p(parley).get!(input)));
  it.each(inputs)('update %s', (_, input) => run((parley) => p(parley).update!(input && typeof input === 'object' ? { ...input, set: { status: 'active' } } : input)));
  /** The input without `participantId`, which list does not take. */
  const chatOf = (input: unknown) => {
    if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
    const { participantId: _, ...chat } = input as Record<string, unknown>;
    return chat;
  };
  it.each(inputs)('list %s', (_, input) =>
    run(async (parley) => {
      for await (const _item of p(parley).list!(chatOf(input)) as AsyncIterable<unknown>) break;
    }),
  );
  it.each(sets)('update %s', (_, set) => run((parley) => p(parley).update!({ ...ref, set })));
  // add/remove: refused as above where the provider can do them, `unsupported` where it cannot.
  const { memberId = 'someone' } = exampleOf(provider);
  const asAdd = (input: unknown) => (input && typeof input === 'object' && !Array.isArray(input) ? { ...(chatOf(input) as object), memberId } : input);
  it.each(inputs)('add %s', (_, input) => run((parley) => p(parley).add!(asAdd(input))));
  it.each(inputs)('remove %s', (_, input) => run((parley) => p(parley).remove!(input)));
  it.each([['memberId undefined', undefined], ['memberId {}', {}], ["memberId ' '", ' '], ['memberId -1', -1]] as const)('add %s', (_, id) =>
    run((parley) => p(parley).add!({ ...(chatOf(ref) as object), memberId: id })),
  );
  it.each([0, 101, 1.5, '5', NaN, null])('list pageSize %s', (pageSize) =>
    run(async (parley) => {
      for await (const _item of p(parley).list!({ provider, chatId, pageSize }) as AsyncIterable<unknown>) break;
    }),
  );
  it.each(hostileOptions)('get options %s', (_, options) => run((parley) => p(parley).get!(ref, options)));
  it.each([['undefined', undefined], ['5', 5], ["'nope'", 'nope'], ['{}', {}]] as const)('capabilities and vendor %s', (_, name) =>
    run((parley) => {
      expect(() => parley.capabilities(name as never)).toThrow(ParleyError);
      expect(() => parley.vendor(name as never)).toThrow(ParleyError);
    }),
  );
  const config = { ...subject(provider).schemes[0]!.credentials, ...scope, baseUrl: BASE };
  it.each([
    ['null', null],
    ['5', 5],
    ["'x'", 'x'],
    ['[]', []],
    ['{ nope: {} }', { nope: {} }],
    [`{ ${provider}: 5 }`, { [provider]: 5 }],
    [`{ ${provider}: 'x' }`, { [provider]: 'x' }],
    [`{ ${provider}: [] }`, { [provider]: [] }],
    [`{ ${provider}: {} }`, { [provider]: {} }],
    ...Object.keys(scope).map((field): [string, unknown] => [`${field}: 5`, { [provider]: { ...config, [field]: 5 } }]),
    ['baseUrl: 5', { [provider]: { ...config, baseUrl: 5 } }],
  ] as [string, unknown][])('createParley(%s)', async (_, cfg) => {
    await contained(() => createParley(cfg as never), stubFetch());
  });
});
