import { ParleyError } from '@parley/runtime';
import type { Capabilities } from './capabilities/describe.js';
import { CHANGE_FIELDS, PARTICIPANT_STATUSES, PROVIDERS, type ParticipantChanges, type Provider } from './model.js';

/** A reference after validation: ids as strings, Bird's workspace resolved. */
export interface ChatRef {
  provider: Provider;
  chatId: string;
  workspaceId?: string;
}
export interface CheckedRef extends ChatRef {
  participantId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

export function checkProvider(value: unknown): Provider {
  if (typeof value !== 'string' || !(PROVIDERS as readonly string[]).includes(value)) {
    throw invalid(undefined, 'provider', `must be one of ${PROVIDERS.join(', ')}; got ${shown(value)}`);
  }
  return value as Provider;
}

function checkObject(provider: Provider | undefined, field: string, value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid(provider, field, `must be an object; got ${shown(value)}`);
  return value as Record<string, unknown>;
}

/** An id in the form its provider uses. */
function checkId(provider: Provider, field: string, value: unknown): string {
  if (provider === 'nexudus') {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^[1-9]\d*$/.test(text) || !Number.isSafeInteger(Number(text))) {
      throw invalid(provider, field, `must be a positive integer (Nexudus ids are integers); got ${shown(value)}`);
    }
    return text;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(provider, field, `must be a non-empty string; got ${shown(value)}`);
  }
  if (provider === 'bird' && field === 'chatId' && !UUID.test(value)) {
    throw invalid(provider, field, `must be a uuid (Bird conversation ids are uuids); got ${shown(value)}`);
  }
  return value;
}

function checkWorkspace(provider: Provider, value: unknown, fallback: string | undefined): string | undefined {
  if (provider !== 'bird') {
    if (value !== undefined) throw invalid(provider, 'workspaceId', 'applies to bird only');
    return undefined;
  }
  const workspaceId = value ?? fallback;
  if (workspaceId === undefined) {
    throw invalid(provider, 'workspaceId', 'is required: pass it in the call or as createParley({ bird: { workspaceId } })');
  }
  if (typeof workspaceId !== 'string' || !UUID.test(workspaceId)) {
    throw invalid(provider, 'workspaceId', `must be a uuid; got ${shown(workspaceId)}`);
  }
  return workspaceId;
}

function checkKeys(provider: Provider | undefined, input: Record<string, unknown>, allowed: readonly string[], prefix = '') {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) throw invalid(provider, `${prefix}${key}`, `is not a known field; known: ${allowed.join(', ')}`);
  }
}

export function checkChatRef(input: unknown, allowed: readonly string[], birdWorkspace?: string): ChatRef & Record<string, unknown> {
  const object = checkObject(undefined, 'input', input);
  const provider = checkProvider(object.provider);
  checkKeys(provider, object, allowed);
  const workspaceId = checkWorkspace(provider, object.workspaceId, birdWorkspace);
  return { ...object, provider, chatId: checkId(provider, 'chatId', object.chatId), ...(workspaceId ? { workspaceId } : {}) };
}

export function checkParticipantRef(input: unknown, allowed: readonly string[], birdWorkspace?: string): CheckedRef & Record<string, unknown> {
  const ref = checkChatRef(input, allowed, birdWorkspace);
  return { ...ref, participantId: checkId(ref.provider, 'participantId', ref.participantId) };
}

/** Checks `set`: types first (`invalid_input`), then what the provider supports (`unsupported`). */
export function checkChanges(provider: Provider, value: unknown, supported: Capabilities['set']): ParticipantChanges {
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
export function checkPageSize(provider: Provider, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
    throw invalid(provider, 'pageSize', `must be an integer from 1 to 100; got ${shown(value)}`);
  }
  return value;
}
