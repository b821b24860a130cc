// Bird Conversations: the participants of each conversation of each workspace. What Bird does
// with a write, as the spec and the research notes (shared/vendors/bird.md) document it:
// - PATCH (by participant ID or by contact identifier) sets `status` and `updatedAt`; a null
//   status changes nothing (undocumented, taken as a no-op).
// - POST "ensures the conversation has a specific participant": 201 with the new participant, or
//   200 with the one already there (same user/flow/contact ID, or same contact identifier).
// - DELETE answers 204, and an unknown participant the documented 404 `ResourceNotFound`.
// - The list pages with `limit` (default and cap from the spec: 10 and 100) and an opaque
//   `pageToken`; `nextPageToken` is left out on the last page; `total` counts the conversation;
//   `reverse` lists newest first.
// The mock has no conversations of its own: any conversation is one, empty until participants
// are added.
import { randomUUID } from 'node:crypto';
import { defineState, isoNow, json, mergeRecords, objectBody, type Handler } from './define.js';
import { boolQuery, clamp, decodeToken, encodeToken, intQuery } from './paging.js';
import { findOperation, firstObjectExample, isObject, parameterExample, parameterNumber, responseExamples, type Obj } from './spec.js';
import type { StateAnswer, ValidRequest, VendorStateFactory } from './types.js';

interface Entry {
  /** Order of joining: pages and tokens follow it, so a token stays valid when others join or leave. */
  seq: number;
  participant: Obj;
}

interface Memory {
  /** `workspaceId/conversationId` → its participants in the order they joined. */
  conversations: Map<string, Entry[]>;
  nextSeq: number;
}

const key = (request: ValidRequest) => `${request.path.workspaceId ?? ''}/${request.path.conversationId ?? ''}`;

export const birdState: VendorStateFactory = (spec) => {
  const defaultLimit = parameterNumber(spec, 'listConversationParticipants', 'limit', 'default') ?? 10;
  const maxLimit = parameterNumber(spec, 'listConversationParticipants', 'limit', 'maximum') ?? 100;
  const notFoundBody = firstObjectExample(spec, 'getConversationParticipant', 404) ?? { code: 'ResourceNotFound', message: 'The requested resource does not exist' };
  const workspace = String(parameterExample(spec, 'listConversationParticipants', 'workspaceId') ?? '');
  const conversation = String(parameterExample(spec, 'listConversationParticipants', 'conversationId') ?? '');

  // Seeds: every participant of a read, an update, or an add that found it already there; the
  // 201 example is the result of an add, not someone already in the conversation.
  const single = [
    ['getConversationParticipant', 200],
    ['getConversationParticipantByContact', 200],
    ['updateConversationParticipant', 200],
    ['updateConversationParticipantByContact', 200],
    ['addConversationParticipant', 200],
  ].flatMap(([id, status]) => responseExamples(spec, id as string, status as number));
  const listed = responseExamples(spec, 'listConversationParticipants', 200)
    .filter(isObject)
    .flatMap((page) => (Array.isArray(page.results) ? page.results : []));
  // The fuller single examples win over the list's (which may leave members out); the list's
  // order comes first, as it is the conversation's.
  const fuller = mergeRecords([single, listed], (p) => p.id);
  const order = [...new Set([...listed, ...single].filter(isObject).map((p) => p.id))];
  const seeds = order.flatMap((id) => {
    const participant = fuller.get(id);
    if (!participant) return [];
    const fromUri = typeof participant.resourceUri === 'string' ? /^\/workspaces\/([^/]+)\/conversations\/([^/]+)\//.exec(participant.resourceUri) : null;
    const conversationId = typeof participant.conversationId === 'string' ? participant.conversationId : (fromUri?.[2] ?? conversation);
    return [{ key: `${fromUri?.[1] ?? workspace}/${conversationId}`, participant }];
  });

  const fresh = (): Memory => {
    const conversations = new Map<string, Entry[]>();
    seeds.forEach(({ key, participant }, seq) => {
      conversations.set(key, [...(conversations.get(key) ?? []), { seq, participant: structuredClone(participant) }]);
    });
    return { conversations, nextSeq: seeds.length };
  };

  const notFound = (): StateAnswer => json(404, notFoundBody);
  const entriesOf = (memory: Memory, request: ValidRequest) => memory.conversations.get(key(request)) ?? [];

  const byId = (memory: Memory, request: ValidRequest) =>
    entriesOf(memory, request).find((entry) => entry.participant.id === request.path.conversationParticipantId);

  /** A contact participant by its channel identifier; another type with that identifier only if no contact has it. */
  const byContact = (entries: Entry[], identifierKey: unknown, identifierValue: unknown) => {
    const same = entries.filter(
      ({ participant }) => isObject(participant.contact) && participant.contact.identifierKey === identifierKey && participant.contact.identifierValue === identifierValue,
    );
    return same.find((entry) => entry.participant.type === 'contact') ?? same[0];
  };

  const list: Handler<Memory> = (memory, request) => {
    const reverse = boolQuery(request.query, 'reverse') ?? false;
    const limit = clamp(intQuery(request.query, 'limit', defaultLimit), 1, maxLimit);
    const ordered = reverse ? [...entriesOf(memory, request)].reverse() : entriesOf(memory, request);
    const token = request.query.get('pageToken');
    let start = 0;
    if (token) {
      // A token names the last participant of the previous page by its place in the order.
      const after = decodeToken(token)?.[0];
      start = typeof after === 'number' ? ordered.findIndex((entry) => (reverse ? entry.seq < after : entry.seq > after)) : -1;
      // A token this mock did not issue ends the list rather than starting it again.
      if (start < 0) start = ordered.length;
    }
    const page = ordered.slice(start, start + limit);
    const last = page.at(-1);
    const more = start + limit < ordered.length;
    return json(200, {
      results: page.map((entry) => entry.participant),
      ...(more && last ? { nextPageToken: encodeToken([last.seq, String(last.participant.id)]) } : {}),
      total: ordered.length,
      totalType: '',
    });
  };

  const get: Handler<Memory> = (memory, request) => {
    const entry = byId(memory, request);
    return entry ? json(200, entry.participant) : notFound();
  };

  const getByContact: Handler<Memory> = (memory, request) => {
    const entry = byContact(entriesOf(memory, request), request.path.identifierKey, request.path.identifierValue);
    return entry ? json(200, entry.participant) : notFound();
  };

  const setStatus = (entry: Entry | undefined, request: ValidRequest): StateAnswer => {
    if (!entry) return notFound();
    const { status } = objectBody(request);
    if (typeof status === 'string' && status !== entry.participant.status) {
      entry.participant.status = status;
      entry.participant.updatedAt = isoNow();
    }
    return json(200, entry.participant);
  };

  const add: Handler<Memory> = (memory, request) => {
    const body = objectBody(request);
    const entries = memory.conversations.get(key(request)) ?? [];
    const contact = isObject(body.contact) ? body.contact : undefined;
    const existing =
      typeof body.id === 'string'
        ? entries.find(({ participant }) => participant.id === body.id && participant.type === body.type)
        : byContact(
            entries.filter(({ participant }) => participant.type === body.type),
            contact?.identifierKey,
            contact?.identifierValue,
          );
    if (existing) return json(200, existing.participant);

    const now = isoNow();
    const id = typeof body.id === 'string' ? body.id : randomUUID();
    const identified = contact && typeof contact.identifierKey === 'string' && typeof contact.identifierValue === 'string';
    const participant: Obj = {
      id,
      displayName: '',
      avatarUrl: '',
      // Bird returns the address it will use; for an email or phone number that is the identifier itself.
      ...(identified ? { contact: { identifierKey: contact.identifierKey, identifierValue: contact.identifierValue, platformAddress: contact.identifierValue } } : {}),
      type: body.type,
      status: typeof body.status === 'string' ? body.status : 'active',
      conversationId: request.path.conversationId,
      resourceUri: `/workspaces/${request.path.workspaceId}/conversations/${request.path.conversationId}/participants/${id}`,
      createdAt: now,
      updatedAt: now,
    };
    memory.conversations.set(key(request), [...entries, { seq: memory.nextSeq++, participant }]);
    return json(201, participant);
  };

  const remove: Handler<Memory> = (memory, request) => {
    const entries = memory.conversations.get(key(request)) ?? [];
    const index = entries.findIndex((entry) => entry.participant.id === request.path.conversationParticipantId);
    if (index < 0) return notFound();
    memory.conversations.set(
      key(request),
      entries.filter((_, i) => i !== index),
    );
    return { status: 204 };
  };

  const handlers: Record<string, Handler<Memory>> = {
    listConversationParticipants: list,
    getConversationParticipant: get,
    getConversationParticipantByContact: getByContact,
    updateConversationParticipant: (memory, request) => setStatus(byId(memory, request), request),
    updateConversationParticipantByContact: (memory, request) =>
      setStatus(byContact(entriesOf(memory, request), request.path.identifierKey, request.path.identifierValue), request),
    addConversationParticipant: add,
    deleteConversationParticipant: remove,
  };
  for (const id of Object.keys(handlers)) if (!findOperation(spec, id)) delete handlers[id];
  return defineState(fresh, handlers);
};
