// The mock's own endpoints, under a prefix no vendor spec uses: the journal, faults, the state's
// reset, the operations, a proxied vendor's drift findings. Answered by the front itself, as JSON;
// never journaled.
import type { CannedResponse } from './front.js';
import { MOCK_ERROR_HEADER } from './errors.js';
import { FaultSyntaxError, type FaultBoard, type FaultSpec } from './faults.js';
import type { Journal } from './journal.js';
import type { OperationModel } from './operations.js';
import type { DriftFinding } from './public-types.js';

export const ADMIN_PREFIX = '/__parley/';

/** What the admin endpoints act on: one mock's parts. */
export interface AdminTarget {
  journal: Journal;
  faults: FaultBoard;
  operations: readonly OperationModel[];
  operationIds: ReadonlySet<string>;
  /** Back to the state built from the spec's examples; false when the mock keeps no state. */
  reset(): boolean;
  /** A proxied vendor's drift findings; none for a mock. */
  drift?: { list(): DriftFinding[]; clear(): void };
}

const ENDPOINTS = [
  'GET /__parley/journal[?operationId=&method=]',
  'DELETE /__parley/journal',
  'POST /__parley/reset',
  'GET /__parley/faults',
  'POST /__parley/faults {"operationId"?, "times"?, "fault"}',
  'DELETE /__parley/faults',
  'GET /__parley/operations',
  'GET /__parley/drift (a proxied vendor)',
  'DELETE /__parley/drift (a proxied vendor)',
];

const json = (status: number, value: unknown, extra: Record<string, string> = {}): CannedResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...extra },
  body: JSON.stringify(value),
});
const noContent: CannedResponse = { status: 204 };
const mistake = (status: number, detail: string) => json(status, { title: STATUS_TITLES[status], status, detail, endpoints: ENDPOINTS }, { [MOCK_ERROR_HEADER]: 'true' });
const STATUS_TITLES: Record<number, string> = { 400: 'Bad admin request', 404: 'No such admin endpoint', 405: 'Method not allowed here' };

/** Answers one admin request (`url` under ADMIN_PREFIX; `body` read in full). */
export function adminAnswer(method: string, url: string, body: Buffer, target: AdminTarget): CannedResponse {
  const parsed = new URL(url, 'http://mock');
  const what = parsed.pathname.slice(ADMIN_PREFIX.length).replace(/\/$/, '');
  const allowed = (methods: string[]) => (methods.includes(method) ? undefined : mistake(405, `${method} ${parsed.pathname}: use ${methods.join(' or ')}`));
  switch (what) {
    case 'journal':
      if (method === 'DELETE') {
        target.journal.clear();
        return noContent;
      }
      return (
        allowed(['GET', 'DELETE']) ??
        json(200, {
          entries: target.journal.entries({
            ...(parsed.searchParams.get('operationId') ? { operationId: parsed.searchParams.get('operationId')! } : {}),
            ...(parsed.searchParams.get('method') ? { method: parsed.searchParams.get('method')! } : {}),
          }),
        })
      );
    case 'reset':
      if (method !== 'POST') return allowed(['POST'])!;
      target.reset();
      return noContent;
    case 'faults':
      if (method === 'GET') return json(200, { faults: target.faults.list() });
      if (method === 'DELETE') {
        target.faults.clear();
        return noContent;
      }
      if (method !== 'POST') return allowed(['GET', 'POST', 'DELETE'])!;
      return armFault(body, target);
    case 'drift':
      if (!target.drift) return mistake(404, 'this port serves a mock, not a proxy: drift is reported for vendors started with --proxy <vendor>=<upstream URL>');
      if (method === 'DELETE') {
        target.drift.clear();
        return noContent;
      }
      return allowed(['GET', 'DELETE']) ?? json(200, { findings: target.drift.list() });
    case 'operations':
      return allowed(['GET']) ?? json(200, { operations: target.operations.map(({ operationId, method: m, path }) => ({ operationId, method: m, path })) });
    default:
      return mistake(404, `no admin endpoint ${parsed.pathname}`);
  }
}

function armFault(body: Buffer, target: AdminTarget): CannedResponse {
  let spec: FaultSpec;
  try {
    spec = JSON.parse(body.toString('utf8')) as FaultSpec;
  } catch {
    return mistake(400, 'the body must be JSON: {"operationId"?: string, "times"?: number | "always", "fault": "throttle"}');
  }
  try {
    return json(201, target.faults.arm(spec, target.operationIds));
  } catch (error) {
    if (error instanceof FaultSyntaxError) return mistake(400, error.message);
    throw error;
  }
}
