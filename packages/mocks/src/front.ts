// The mock's front door: an HTTP server in this process in front of Prism. Per request: the mock's
// own endpoints (admin.ts); routing to the spec's operation (router.ts); the journal (journal.ts);
// faults (faults.ts); what Prism cannot judge (credential-check.ts); then Prism, whose refusals are
// rewritten in the vendor's error shape (errors.ts), and whose answers to valid requests the
// vendor's state replaces when it has one (state/). Bodies are small: both are read in full.
// A proxied vendor's front (proxy/) forwards to the real vendor after the faults instead, with
// Prism's verdict on the request, and reports drift.
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { ADMIN_PREFIX, adminAnswer } from './admin.js';
import { credentialRefusal } from './credential-check.js';
import { fieldErrors, forcesAnswer, honestError, MOCK_ERROR_HEADER, parsePrefer, requestViolations, undocumentedPreference } from './errors.js';
import { endToEnd } from './hop-by-hop.js';
import { FaultBoard, faultAction, FaultSyntaxError, parseFault, type ArmedFault, type Fault, type FaultKind, type FaultSpec } from './faults.js';
import { Journal, parseBody, type JournalEntry, type JournalFilter, type JournalRecord, type Violation } from './journal.js';
import type { Verdict } from './proxy/proxy.js';
import type { ProxyTarget } from './proxy/target.js';
import type { DriftFinding, MockControls } from './public-types.js';
import { isJson, responseFor, type OperationModel, type SpecModel } from './operations.js';
import { Router, type Route } from './router.js';
import type { StateAnswer, ValidRequest, VendorState } from './state/types.js';
import { VerdictCache } from './verdict-cache.js';

/** An answer the front gives itself, without asking Prism. */
export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface FrontOptions {
  /** Prism's base URL: every request not answered here goes there. */
  upstream: string;
  host: string;
  /** 0 for a free ephemeral port. */
  port: number;
  /** Answers a request itself instead of forwarding it, when it returns an answer (before the credential check). */
  intercept?: (request: IncomingMessage) => CannedResponse | undefined;
  /**
   * The spec's operations as Prism read them: routing, credential checks, throttles, honest errors
   * and `Prefer` checks. Without it the front only journals, forwards and applies header faults.
   */
  model?: SpecModel;
  /** The vendor's state: answers valid requests from what the mock remembers. None: Prism's answers as they are. */
  state?: VendorState;
  /** How many requests the journal keeps (the oldest go first). Default 1000. */
  journalLimit?: number;
  /**
   * Prism makes its answers up per request (started with `dynamic`). Otherwise Prism's answer to a
   * request is a pure function of it, and the front asks Prism once per distinct request.
   */
  dynamic?: boolean;
  /** Forward to a real vendor and report drift instead of answering as the mock (proxy/proxy.ts); `state` is then unused. */
  proxy?: ProxyTarget;
}

export interface Front extends MockControls {
  readonly url: string;
  readonly port: number;
  /** What a proxied front found so far (also `GET /__parley/drift`); always empty for a mock. */
  drift(): DriftFinding[];
  /** Forgets the findings kept in memory (also `DELETE /__parley/drift`); the report file keeps them. */
  clearDrift(): void;
  /** Stops listening, drops every connection (kept-alive ones too) and resolves once closed. */
  close(): Promise<void>;
}

/** The CORS headers Prism (started with `cors: true`) puts on its own answers, so the front's look the same to a browser. */
function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': '*',
  };
}

/** Whether the request carries a body to stream on (RFC 9112: a length or a transfer coding). */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function reply(request: IncomingMessage, response: ServerResponse, answer: CannedResponse) {
  request.resume(); // drain the unread body, so a kept-alive connection stays usable
  const body = answer.body ?? '';
  response.writeHead(answer.status, { ...corsHeaders(request), ...answer.headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}


/** Prism's answer, read in full. */
interface UpstreamAnswer {
  status: number;
  statusMessage: string | undefined;
  /** End-to-end headers, as a flat name/value list. */
  rawHeaders: string[];
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Whether the whole answer arrived (a cut-off one is never replayed). */
  complete: boolean;
}

/** Whether a request asks Prism to make its answer up (`Prefer: dynamic=true`, or `__dynamic=true` in the query). */
function asksDynamic(request: IncomingMessage): boolean {
  const dynamic = /dynamic\s*=\s*"?true/i;
  return dynamic.test(String(request.headers.prefer ?? '')) || dynamic.test(request.url ?? '');
}

/** Prism's answer as it can be replayed later: without its `Date`, which the front then sets afresh. */
function replayable(answer: UpstreamAnswer): UpstreamAnswer {
  const rawHeaders: string[] = [];
  for (let i = 0; i < answer.rawHeaders.length; i += 2) if (answer.rawHeaders[i]!.toLowerCase() !== 'date') rawHeaders.push(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
  return { ...answer, rawHeaders };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

/** Prism's headers without those a new body invalidates, as an object to add to. */
function headersFor(rawHeaders: string[], body: string | undefined, contentType: string | undefined): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (name !== 'content-length' && name !== 'content-type' && name !== 'transfer-encoding') headers[name] = rawHeaders[i + 1];
  }
  if (body !== undefined && contentType) headers['content-type'] = contentType;
  headers['content-length'] = String(body === undefined ? 0 : Buffer.byteLength(body));
  return headers;
}

/** The request as the vendor's state reads it (state/types.ts ValidRequest). */
function validRequest(request: IncomingMessage, route: Route<OperationModel>, body: Buffer | undefined): ValidRequest {
  const url = request.url ?? '/';
  const at = url.indexOf('?');
  return {
    operationId: route.operation.operationId,
    method: request.method ?? 'GET',
    path: route.params,
    query: new URLSearchParams(at < 0 ? '' : url.slice(at + 1)),
    // Only `set-cookie` (a response header) is ever a list.
    headers: request.headers as Record<string, string | undefined>,
    body: body?.length ? parseBody(body, request.headers['content-type']) : undefined,
  };
}

/** Starts the front on `host:port`, forwarding to `upstream`; rejects with the listen error (EADDRINUSE). */
export async function startFront(options: FrontOptions): Promise<Front> {
  const upstream = new URL(options.upstream);
  // Idle sockets are dropped before Prism's own 5 s keep-alive timeout, so a request is never
  // written to a socket Prism is closing.
  const agent = new Agent({ keepAlive: true, timeout: 4_000 });
  const operations = options.model?.operations ?? [];
  const router = new Router(operations);
  const operationIds = new Set(operations.map((operation) => operation.operationId));
  const journal = new Journal(options.model?.credentialHeaders, options.journalLimit);
  const faults = new FaultBoard();
  // Prism's answers by request; not cleared by reset(): Prism's answers never depend on the state.
  // A proxy asks only for Prism's verdict, never for a generated answer: it may always replay.
  const verdicts = options.dynamic && !options.proxy ? undefined : new VerdictCache<UpstreamAnswer>();
  // Loaded for a proxied vendor only: it brings the contract checker (`@parley/runtime/contract`).
  const proxy = options.proxy && (await import('./proxy/proxy.js')).createProxy(options.proxy, options.model?.credentialHeaders ?? []);
  const state = proxy ? undefined : options.state;
  const reset = () => {
    state?.reset();
    return state !== undefined;
  };

  /** Asks Prism; resolves with its whole answer, rejects when it does not answer. */
  const ask = (request: IncomingMessage, response: ServerResponse, body: Buffer | undefined, headers = endToEnd(request.rawHeaders)) =>
    new Promise<UpstreamAnswer>((resolve, reject) => {
      const outgoing = httpRequest(
        { agent, hostname: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.once('end', () =>
            resolve({
              status: incoming.statusCode ?? 502,
              statusMessage: incoming.statusMessage,
              rawHeaders: endToEnd(incoming.rawHeaders),
              headers: incoming.headers,
              body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
              complete: incoming.complete,
            }),
          );
          incoming.once('error', reject);
        },
      );
      outgoing.once('error', reject);
      // The client going away mid-request abandons Prism's answer too.
      response.once('close', () => {
        if (!response.writableFinished) outgoing.destroy();
      });
      outgoing.end(body);
    });

  const applyFault = (request: IncomingMessage, response: ServerResponse, fault: Fault & { kind: FaultKind }, route: Route<OperationModel> | undefined, record: JournalRecord) => {
    const action = faultAction(fault, route?.operation, operations);
    if (action.type === 'reset') {
      request.socket.destroy();
    } else if (action.type === 'stall') {
      record.status = action.status;
      response.writeHead(action.status, { ...corsHeaders(request), ...action.headers });
      response.flushHeaders(); // then nothing, until the client gives up or the mock stops
    } else {
      record.status = action.answer.status;
      reply(request, response, action.answer);
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const body = hasBody(request) ? await readBody(request) : undefined;
    if (url.startsWith(ADMIN_PREFIX)) {
      const drift = proxy && { list: proxy.drift, clear: proxy.clearDrift };
      return reply(request, response, adminAnswer(method, url, body ?? Buffer.alloc(0), { journal, faults, operations, operationIds, reset, ...(drift ? { drift } : {}) }));
    }

    const route = router.route(method, url);
    const record: JournalRecord = { time: Date.now(), method, url, headers: request.headers, body, valid: null };
    if (route) {
      record.operationId = route.operation.operationId;
      record.params = route.params;
    }
    journal.record(record); // in the order requests arrive; filled in as the answer takes shape

    // Faults first: they answer before Prism is asked, so nothing stored changes.
    let fault: Fault | undefined;
    const asked = request.headers['parley-fault'];
    if (typeof asked === 'string') {
      try {
        fault = parseFault(asked);
      } catch (error) {
        if (!(error instanceof FaultSyntaxError)) throw error;
        record.status = 400;
        return reply(request, response, { status: 400, headers: { 'content-type': 'application/json', [MOCK_ERROR_HEADER]: 'true' }, body: JSON.stringify({ title: 'Unknown fault', status: 400, detail: error.message }) });
      }
    } else if (route || method !== 'OPTIONS') {
      fault = faults.take(route?.operation.operationId);
    }
    if (fault) {
      record.fault = fault.text;
      if (fault.latencyMs) await delay(fault.latencyMs);
      if (fault.kind) return applyFault(request, response, fault as Fault & { kind: FaultKind }, route, record);
    }
    if (proxy) return proxy.handle({ request, response, route, body, record, judge: () => (route ? judge(request, response, route, body) : Promise.resolve({})) });

    const refusal = options.intercept?.(request) ?? (route && credentialRefusal(route.operation, request.headers.authorization));
    if (refusal) {
      record.valid = false;
      record.violations = JSON.parse(refusal.headers?.['sl-violations'] ?? '[]') as Violation[];
      record.status = refusal.status;
      return reply(request, response, refusal);
    }

    const preference = parsePrefer(request.headers.prefer as string | undefined);
    const undocumented = route && preference && undocumentedPreference(route.operation, preference);
    if (undocumented) {
      record.status = undocumented.status;
      return reply(request, response, undocumented);
    }

    // Only Prism's answer is replayed: the journal, faults and state below still see every request.
    const key = verdicts && !asksDynamic(request) ? verdicts.keyOf(request, body) : undefined;
    let answer = key === undefined ? undefined : verdicts!.get(key);
    if (!answer) {
      try {
        answer = await ask(request, response, body);
      } catch (error) {
        record.status = 502;
        // The client may be gone already; then there is no one to tell.
        if (!response.headersSent && !response.destroyed) {
          reply(request, response, { status: 502, headers: { 'content-type': 'application/json', [MOCK_ERROR_HEADER]: 'true' }, body: JSON.stringify({ title: 'The Prism mock behind this port did not answer', detail: (error as Error).message }) });
        }
        return;
      }
      if (key !== undefined && answer.complete) verdicts!.set(key, replayable(answer));
    }

    const violations = answer.status >= 400 ? requestViolations(answer.headers['sl-violations'] as string | undefined, answer.headers['content-type'], answer.body) : (undefined as Violation[] | undefined);
    record.valid = !violations;
    record.status = answer.status;
    if (!route && options.model) {
      // A path or method the spec does not have: say so in the journal (a CORS preflight is no mistake).
      record.valid = method === 'OPTIONS' ? null : false;
      if (method !== 'OPTIONS') record.violations = [{ location: ['request'], code: 'operation', severity: 'Error', message: `the spec has no operation ${method} ${url.split('?', 1)[0]}` }];
    }
    if (violations) {
      record.violations = violations;
      const honest = route && answer.status !== 401 ? honestAnswer(request, route, body, answer.status, violations) : undefined;
      if (honest) return send(response, answer.status, answer.statusMessage, headersFor(answer.rawHeaders, honest.body, honest.mediaType), honest.body);
    } else if (state && route && answer.status < 300 && answer.status >= 200 && !forcesAnswer(preference)) {
      let remembered: StateAnswer | undefined;
      try {
        remembered = state.answer(validRequest(request, route, body));
      } catch (error) {
        record.status = 500;
        return reply(request, response, { status: 500, headers: { 'content-type': 'application/json', [MOCK_ERROR_HEADER]: 'true' }, body: JSON.stringify({ title: "The mock's state failed", status: 500, detail: (error as Error).message }) });
      }
      if (remembered) {
        record.status = remembered.status;
        record.fromState = true;
        const text = remembered.body === undefined || remembered.status === 204 ? undefined : JSON.stringify(remembered.body);
        const mediaType = responseFor(route.operation, remembered.status)?.mediaType;
        const headers = { ...headersFor(answer.rawHeaders, text, isJson(mediaType) ? mediaType : 'application/json'), ...remembered.headers };
        return send(response, remembered.status, undefined, headers, text);
      }
    }
    send(response, answer.status, answer.statusMessage, answer.rawHeaders, answer.body);
  };

  /**
   * For a proxied vendor: whether the request meets the spec, as the mock judges it (the credential
   * check, then Prism's verdict, cached), and what the mock would answer when it does not.
   */
  const judge = async (request: IncomingMessage, response: ServerResponse, route: Route<OperationModel>, body: Buffer | undefined): Promise<Verdict> => {
    // The mock would stop at a credential it refuses; the proxy reports what Prism finds as well.
    const refusal = credentialRefusal(route.operation, request.headers.authorization);
    const refused = refusal ? (JSON.parse(refusal.headers?.['sl-violations'] ?? '[]') as Violation[]) : [];
    const key = verdicts!.keyOf(request, body);
    let answer = key === undefined ? undefined : verdicts!.get(key);
    if (!answer) {
      // Without `Prefer`: it is meant for the real vendor, and Prism would make an answer up for it.
      const headers = endToEnd(request.rawHeaders).filter((_, i, all) => all[i - (i % 2)]!.toLowerCase() !== 'prefer');
      answer = await ask(request, response, body, headers);
      if (key !== undefined && answer.complete) verdicts!.set(key, replayable(answer));
    }
    const violations = answer.status >= 400 ? requestViolations(answer.headers['sl-violations'] as string | undefined, answer.headers['content-type'], answer.body) : undefined;
    if (refusal) {
      const text = refusal.body ?? '';
      const headers = { ...corsHeaders(request), ...refusal.headers, 'content-length': String(Buffer.byteLength(text)) };
      return { violations: [...refused, ...(violations ?? [])], refusal: { status: refusal.status, headers, body: text } };
    }
    if (!violations) return {};
    const honest = answer.status !== 401 ? honestAnswer(request, route, body, answer.status, violations) : undefined;
    const mockAnswer = honest
      ? { status: answer.status, statusMessage: answer.statusMessage, headers: headersFor(answer.rawHeaders, honest.body, honest.mediaType), body: honest.body }
      : { status: answer.status, statusMessage: answer.statusMessage, headers: answer.rawHeaders, body: answer.body };
    return { violations, refusal: mockAnswer };
  };

  /** The vendor's own error naming the violations, or undefined to keep Prism's answer. */
  const honestAnswer = (request: IncomingMessage, route: Route<OperationModel>, body: Buffer | undefined, status: number, violations: Violation[]) => {
    const valid = validRequest(request, route, body);
    const found = honestError(status, fieldErrors(violations, { body: valid.body, query: valid.query, params: route.params }), route.operation, operations);
    return found && { mediaType: found.mediaType, body: JSON.stringify(found.body) };
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A request that failed before an answer (the client went away mid-body): drop it.
      if (!response.headersSent && !response.destroyed && !request.destroyed) {
        reply(request, response, { status: 500, headers: { 'content-type': 'application/json', [MOCK_ERROR_HEADER]: 'true' }, body: JSON.stringify({ title: 'The mock front failed', detail: (error as Error).message }) });
      } else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    journal: (filter) => journal.entries(filter),
    clearJournal: () => journal.clear(),
    fault: (spec) => faults.arm(spec, options.model ? operationIds : undefined),
    clearFaults: () => faults.clear(),
    reset,
    drift: () => proxy?.drift() ?? [],
    clearDrift: () => proxy?.clearDrift(),
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
        proxy?.close();
      })),
  };
}

function send(response: ServerResponse, status: number, statusMessage: string | undefined, headers: OutgoingHttpHeaders | string[], body: Buffer | string | undefined) {
  if (response.destroyed) return;
  if (statusMessage) response.writeHead(status, statusMessage, headers);
  else response.writeHead(status, headers);
  response.end(body);
}
