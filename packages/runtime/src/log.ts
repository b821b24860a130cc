import type { CallPlan } from './attempt.js';
import type { ClientContext } from './client-context.js';
import type { ContractViolation } from './contract.js';

/** What the runtime reports to an optional `logger`; headers are redacted, secrets scrubbed. */
export type LogEvent =
  | { type: 'request'; provider: string; operationId: string | undefined; method: string; url: string; attempt: number; headers: Record<string, string> }
  | { type: 'response'; provider: string; operationId: string | undefined; method: string; url: string; attempt: number; status: number; ms: number }
  | { type: 'retry'; provider: string; operationId: string | undefined; attempt: number; delayMs: number; reason: string }
  /** `validateResponses: 'warn'`: one per way an answer departs from the spec; no value of the answer. */
  | ({ type: 'contract' } & ContractViolation);

export type Logger = (event: LogEvent) => void;

/** Sends an event to the client's logger, if any, with the fields every event of a call shares. */
export const logEvent = (context: ClientContext, plan: CallPlan, attempt: number, event: object) =>
  context.logger?.({ provider: context.profile.provider, operationId: plan.operationId, attempt, ...event } as LogEvent);
