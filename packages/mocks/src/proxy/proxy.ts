// The front of a proxied vendor (`--proxy bird=https://…`): instead of answering from Prism and the
// state, it forwards each request to the real vendor and answers with the vendor's answer unchanged,
// reporting where the traffic departs from the spec. The request is judged as the mock judges it
// (the front's credential check and Prism's verdict, cached); the answer is checked with the
// contract compiled at build time (`checkAnswer`, the validators the clients use). Observing, not
// blocking: a request that breaks the spec is forwarded and reported, unless `strict`.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { checkAnswer } from '@parley/runtime/contract';
import { MOCK_ERROR_HEADER } from '../errors.js';
import { parseBody, type JournalRecord } from '../journal.js';
import type { OperationModel } from '../operations.js';
import type { DriftFinding, Violation } from '../public-types.js';
import type { Route } from '../router.js';
import { decodedBody } from './decode.js';
import { DriftLog } from './drift-log.js';
import { answerFindings, requestFindings, undecodable, unknownOperation, type Finding, type Scrub } from './findings.js';
import { forwarder, UpstreamError } from './forward.js';
import { DEFAULT_PROXY_TIMEOUT_MS } from './options.js';
import type { ProxyTarget } from './target.js';
import { credentialSecrets } from './redact.js';

/** An answer ready to send. */
export interface PreparedAnswer {
  status: number;
  statusMessage?: string | undefined;
  headers: OutgoingHttpHeaders | string[];
  body?: Buffer | string | undefined;
}

/** The mock's judgement of a request: what breaks the spec, and the mock's own answer to it then. */
export interface Verdict {
  violations?: Violation[];
  refusal?: PreparedAnswer;
}

export interface ProxiedRequest {
  request: IncomingMessage;
  response: ServerResponse;
  route: Route<OperationModel> | undefined;
  body: Buffer | undefined;
  /** The journal's entry, filled in here. */
  record: JournalRecord;
  /** Asks the mock (the credential check, Prism) whether the request meets the spec. */
  judge(): Promise<Verdict>;
}

export interface Proxy {
  handle(call: ProxiedRequest): Promise<void>;
  drift(): DriftFinding[];
  clearDrift(): void;
  close(): void;
}

export function createProxy(target: ProxyTarget, credentialHeaders: readonly string[]): Proxy {
  const upstream = forwarder(target.upstream, target.timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS);
  const log = new DriftLog();

  const handle = async ({ request, response, route, body, record, judge }: ProxiedRequest) => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const at = url.indexOf('?');
    const path = at < 0 ? url : url.slice(0, at);
    const scrub: Scrub = { secrets: credentialSecrets(request.headers, credentialHeaders), credentialHeaders };
    const operationId = route?.operation.operationId;
    const report = (findings: readonly Finding[], status: number | undefined) => {
      const time = new Date().toISOString();
      for (const finding of findings) {
        const full: DriftFinding = { time, vendor: target.vendor, ...(operationId !== undefined ? { operationId } : {}), method, path, ...(status !== undefined ? { status } : {}), ...finding };
        log.add(full);
        target.report?.(full);
      }
    };

    const found: Finding[] = [];
    let verdict: Verdict | undefined;
    if (!route) {
      // A CORS preflight is no mistake; anything else the spec does not have is still forwarded.
      if (method !== 'OPTIONS') {
        const finding = unknownOperation(method, path);
        found.push(finding);
        record.valid = false;
        record.violations = [{ location: ['request'], code: 'operation', severity: 'Error', message: finding.message }];
      }
    } else {
      // Prism not answering leaves the request unjudged: the proxy observes, it does not stand in the way.
      verdict = await judge().catch(() => undefined);
      record.valid = verdict ? !verdict.violations : null;
      if (verdict?.violations) {
        record.violations = verdict.violations;
        const seen = { headers: request.headers, query: new URLSearchParams(at < 0 ? '' : url.slice(at + 1)), params: route.params, body: body?.length ? parseBody(body, request.headers['content-type']) : undefined };
        found.push(...requestFindings(verdict.violations, seen, scrub));
      }
    }

    if (target.strict && verdict?.violations && verdict.refusal) {
      const refusal = withMockError(verdict.refusal, 'strict: the request breaks the spec; not forwarded');
      record.status = refusal.status;
      report(found, refusal.status);
      return send(request, response, refusal);
    }

    let answer;
    try {
      answer = await upstream.forward(request, body, response);
    } catch (error) {
      record.status = 502;
      report(found, undefined);
      const failure = error instanceof UpstreamError ? error.failure : 'reset';
      const detail = (error as Error).message;
      if (!response.headersSent && !response.destroyed) {
        send(request, response, {
          status: 502,
          headers: { 'content-type': 'application/json', [MOCK_ERROR_HEADER]: `upstream ${failure}` },
          body: JSON.stringify({ title: `The upstream ${target.vendor} did not answer (${failure})`, status: 502, detail, upstream: target.upstream.href }),
        });
      }
      return;
    }
    record.status = answer.status;

    if (route) {
      // Checked before it is passed on, so that a caller who has the answer can read its findings.
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(answer.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const decoded = decodedBody(answer.body, headers['content-encoding']);
      const text = 'text' in decoded ? decoded.text : '';
      const violations = checkAnswer(target.contract, route.operation.operationId, { status: answer.status, headers, body: text }, { undocumentedHeaders: true }).filter(
        (v) =>
          // A HEAD answer has no body, nor does one this proxy cannot decode (reported on its own).
          !(v.in === 'body' && (method === 'HEAD' || 'error' in decoded)) &&
          // `Deprecation` (RFC 9745) on an operation the spec deprecates agrees with the spec; on any other it is news.
          !(v.rule === 'undocumented-header' && v.path === 'deprecation' && route.operation.deprecated),
      );
      if ('error' in decoded) found.push(undecodable(decoded.error));
      found.push(...answerFindings(violations, { headers, text }, scrub));
    }
    report(found, answer.status);
    send(request, response, { status: answer.status, statusMessage: answer.statusMessage, headers: answer.rawHeaders, body: answer.body });
  };

  return {
    handle,
    drift: () => log.list(),
    clearDrift: () => log.clear(),
    close: () => upstream.close(),
  };
}

function withMockError(answer: PreparedAnswer, why: string): PreparedAnswer {
  if (Array.isArray(answer.headers)) return { ...answer, headers: [...answer.headers, MOCK_ERROR_HEADER, why] };
  return { ...answer, headers: { ...answer.headers, [MOCK_ERROR_HEADER]: why } };
}

function send(request: IncomingMessage, response: ServerResponse, answer: PreparedAnswer) {
  if (response.destroyed) return;
  request.resume();
  const headers = Array.isArray(answer.headers) || answer.headers['content-length'] !== undefined ? answer.headers : { ...answer.headers, 'content-length': String(answer.body === undefined ? 0 : Buffer.byteLength(answer.body)) };
  if (answer.statusMessage) response.writeHead(answer.status, answer.statusMessage, headers);
  else response.writeHead(answer.status, headers);
  response.end(answer.body);
}
