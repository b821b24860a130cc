import { ParleyError } from '@parley/runtime';
import type { AnyAdapter, ChatRef, CheckedRef, MemberRef } from './adapters/adapter.js';
import type { Capabilities } from './capabilities/describe.js';
import type { IdFormat } from './id-formats.js';
import { CHANGE_FIELDS, PARTICIPANT_STATUSES, type ParticipantChanges } from './model.js';

function invalid(provider: string | undefined, field: string, message: string): ParleyError {
  return new ParleyError('invalid_input', `${provider ? `${provider}: ` : ''}\`${field}\` ${message}`, {
    ...(provider ? { provider } : {}),
    field,
  });
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export function checkProvider(value: unknown, providers: readonly string[]): string {
  if (typeof value !== 'string' || !providers.includes(value)) {
    // createParleyWith knows only the adapters it was given; createParley has them all.
    throw invalid(undefined, 'provider', `must be one of ${providers.join(', ')}; got ${shown(value)} (a provider is available when its adapter is passed to createParleyWith)`);
  }
  return value;
}

function checkObject(provider: string | undefined, field: string, value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid(provider, field, `must be an object; got ${shown(value)}`);
  return value as Record<string, unknown>;
}

/** A value in the form `format` describes. */
export function checkId(provider: string, field: string, format: IdFormat<unknown>, value: unknown): string {
  const id = format.parse(value);
  if (id === undefined) throw invalid(provider, field, `must be ${format.expected}; got ${shown(value)}`);
  return id;
}

function checkKeys(provider: string | undefined, input: Record<string, unknown>, allowed: readonly string[], prefix = '') {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) throw invalid(provider, `${prefix}${key}`, `is not a known field; known: ${allowed.join(', ')}`);
  }
}

/** The adapter's scope fields, each from the call or else the configured default. */
export function checkScope(adapter: AnyAdapter, input: Record<string, unknown>, defaults: Readonly<Record<string, unknown>>) {
  const scope: Record<string, string> = {};
  for (const [field, { format, required }] of Object.entries(adapter.scope ?? {})) {
    const value = input[field] ?? defaults[field];
    if (value === undefined) {
      if (!required) continue;
      throw invalid(adapter.provider, field, `is required: pass it in the call or as createParley({ ${adapter.provider}: { ${field} } })`);
    }
    scope[field] = checkId(adapter.provider, field, format, value);
  }
  return scope;
}

/**
 * A provider's config split into the defaults of its scope fields (checked now, not at the first
 * call) and the options of its client factory.
 */
export function splitScope(adapter: AnyAdapter, options: Record<string, unknown>) {
  const fields = Object.keys(adapter.scope ?? {});
  const scope: Record<string, string> = {};
  for (const field of fields) {
    if (options[field] !== undefined) scope[field] = checkId(adapter.provider, field, adapter.scope![field]!.format, options[field]);
  }
  const clientOptions = Object.fromEntries(Object.entries(options).filter(([key]) => !fields.includes(key)));
  return { scope, clientOptions };
}

/** What every reference has, before the provider's own scope fields. */
const REF_FIELDS = ['provider', 'chatId'];

/** Checks a chat reference against its provider's adapter; `extra` names the other fields the call takes. */
export function checkChatRef(
  adapters: ReadonlyMap<string, AnyAdapter>,
  input: unknown,
  extra: readonly string[],
  defaults: (provider: string) => Readonly<Record<string, unknown>>,
): { adapter: AnyAdapter; ref: ChatRef; input: Record<string, unknown> } {
  const object = checkObject(undefined, 'input', input);
  const provider = checkProvider(object.provider, [...adapters.keys()]);
  const adapter = adapters.get(provider)!;
  checkKeys(provider, object, [...REF_FIELDS, ...Object.keys(adapter.scope ?? {}), ...extra]);
  const scope = checkScope(adapter, object, defaults(provider));
  return { adapter, ref: { provider, chatId: checkId(provider, 'chatId', adapter.ids.chatId, object.chatId), scope }, input: object };
}

export function checkParticipantRef(...args: Parameters<typeof checkChatRef>): { adapter: AnyAdapter; ref: CheckedRef; input: Record<string, unknown> } {
  const { adapter, ref, input } = checkChatRef(...args);
  return { adapter, ref: { ...ref, participantId: checkId(ref.provider, 'participantId', adapter.ids.participantId, input.participantId) }, input };
}

/**
 * The adapter, when it can do `operation` (`add`, `remove`); else `unsupported`, naming what the
 * provider can do instead. Checked before the input, so nothing about it is sent either way.
 */
export function checkCan(adapter: AnyAdapter, operation: 'add' | 'remove'): AnyAdapter {
  if (adapter[operation] && adapter.capabilities[operation]) return adapter;
  const methods = adapter as unknown as Record<string, unknown>;
  const can = ['get', 'list', 'update', 'add', 'remove'].filter((name) => name !== operation && typeof methods[name] === 'function');
  throw new ParleyError('unsupported', `${adapter.provider} cannot ${operation} participants; it can ${can.join(', ')}`, {
    provider: adapter.provider,
    field: 'provider',
  });
}

export function checkMemberRef(...args: Parameters<typeof checkChatRef>): { adapter: AnyAdapter; ref: MemberRef } {
  const { adapter, ref, input } = checkChatRef(...args);
  return { adapter, ref: { ...ref, memberId: checkId(ref.provider, 'memberId', adapter.ids.memberId!, input.memberId) } };
}

/** Checks `set`: types first (`invalid_input`), then what the provider supports (`unsupported`). */
export function checkChanges(provider: string, value: unknown, supported: Capabilities['set']): ParticipantChanges {
  const set = checkObject(provider, 'set', value);
  checkKeys(provider, set, CHANGE_FIELDS, 'set.');
  const defined = Object.entries(set).filter(([, v]) => v !== undefined);
  if (defined.length === 0) throw invalid(provider, 'set', `is empty; give at least one of ${CHANGE_FIELDS.join(', ')}`);
  if (set.status !== undefined && !(PARTICIPANT_STATUSES as readonly unknown[]).includes(set.status)) {
    throw invalid(provider, 'set.status', `must be one of ${PARTICIPANT_STATUSES.join(', ')}; got ${shown(set.status)}`);
  }
  if (set.muted !== undefined && typeof set.muted !== 'boolean') throw invalid(provider, 'set.muted', `must be a boolean; got ${shown(set.muted)}`);
  if (set.lastReadMessageId !== undefined && (typeof set.lastReadMessageId !== 'string' || set.lastReadMessageId.trim() === '')) {
    throw invalid(provider, 'set.lastReadMessageId', `must be a non-empty string; got ${shown(set.lastReadMessageId)}`);
  }
  const changes = Object.fromEntries(defined) as ParticipantChanges;

  const can = [
    supported.status.length ? `status (${supported.status.join(', ')})` : undefined,
    supported.muted ? 'muted' : undefined,
    supported.lastReadMessageId ? 'lastReadMessageId' : undefined,
  ].filter(Boolean);
  const unsupported = (field: string, what: string) =>
    new ParleyError('unsupported', `${provider} cannot set ${what}; it can set ${can.join(', ')}`, { provider, field });
  if (changes.status !== undefined && !supported.status.includes(changes.status)) throw unsupported('set.status', `status "${changes.status}"`);
  if (changes.muted !== undefined && !supported.muted) throw unsupported('set.muted', 'muted');
  if (changes.lastReadMessageId !== undefined && !supported.lastReadMessageId) throw unsupported('set.lastReadMessageId', 'lastReadMessageId');
  return changes;
}

/** `pageSize`, when given: an integer from 1 to 100. */
export function checkPageSize(provider: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
    throw invalid(provider, 'pageSize', `must be an integer from 1 to 100; got ${shown(value)}`);
  }
  return value;
}
