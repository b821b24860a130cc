// SoftwareOne Marketplace helpdesk: the participants of each chat. What the platform does with a
// write, as the spec and the research notes (shared/vendors/softwareone.md) document it:
// - PUT changes only `muted`, `status` and `lastReadMessage`; the read-only members a client
//   sends back (audit, $meta, chat, contact, identity, account, unreadMessageCount…) change
//   nothing. A change bumps `revision` and sets `audit.updated`; `Exited` sets `audit.exited`,
//   `Active` after `Exited` sets `audit.reactivated`. `Exited` in a Direct chat and a
//   `lastReadMessage` older than the current one are refused with 400.
// - POST adds one participant per item; DELETE removes, and answers an unknown id with 400.
// - The list pages with `offset`/`limit` (capped at 100), filters with RQL, sorts with `order`,
//   and leaves out the members its example lists in `$meta.omitted` unless `select=+member`.
// The mock has no chats of its own: any chat ID is a chat, empty until participants are added.
import { randomUUID } from 'node:crypto';
import { defineState, isoNow, json, mergeRecords, objectBody, type Handler } from './define.js';
import { clamp, compareValues, intQuery, valueAt } from './paging.js';
import { queryFilters } from './rql.js';
import { findOperation, firstObjectExample, isObject, parameterExample, responseExamples, type Obj } from './spec.js';
import type { StateAnswer, VendorStateFactory } from './types.js';

const MAX_LIMIT = 100;
// Not documented: the list example's first page has `limit: 10`.
const DEFAULT_LIMIT = 10;
const LIST_PARAMETERS = new Set(['limit', 'offset', 'select', 'order']);

interface Known {
  contact: Obj;
  identity?: Obj;
  account?: Obj;
}

interface Memory {
  /** Chat ID → participant ID → participant, in the order they joined. */
  chats: Map<string, Map<string, Obj>>;
  /** What the examples say about each contact, so an added contact gets its identity and account. */
  contacts: Map<string, Known>;
  nextId: number;
}

interface Seed {
  chats: [string, Obj[]][];
  contacts: [string, Known][];
  /** The account references the examples show, by ID, to complete an added participant's `account`. */
  accounts: [string, Obj][];
  /** The members the list leaves out unless selected (its example's `$meta.omitted`). */
  listOmitted: string[];
  errors: { notFound?: Obj; badRequest?: Obj; unknownOnRemove?: Obj };
}

function readSeed(spec: Obj): Seed {
  const single = ['getChatParticipant', 'updateChatParticipant'].flatMap((id) => responseExamples(spec, id, 200));
  const pages = responseExamples(spec, 'listChatParticipants', 200).filter(isObject);
  const listed = pages.flatMap((page) => (Array.isArray(page.data) ? page.data : []));
  const participants = mergeRecords([single, listed], (record) => record.id);

  const defaultChat = String(parameterExample(spec, 'listChatParticipants', 'chatId') ?? '');
  const chats = new Map<string, Obj[]>();
  for (const participant of participants.values()) {
    const chatId = isObject(participant.chat) && typeof participant.chat.id === 'string' ? participant.chat.id : defaultChat;
    chats.set(chatId, [...(chats.get(chatId) ?? []), participant]);
  }

  // Every participant the spec shows, the created ones too, tells who a contact is.
  const added = responseExamples(spec, 'addChatParticipants', 201).flatMap((list) => (Array.isArray(list) ? list : []));
  const contacts = new Map<string, Known>();
  for (const participant of [...participants.values(), ...added]) {
    if (!isObject(participant) || !isObject(participant.contact) || typeof participant.contact.id !== 'string') continue;
    if (contacts.has(participant.contact.id)) continue;
    contacts.set(participant.contact.id, {
      contact: participant.contact,
      ...(isObject(participant.identity) ? { identity: participant.identity } : {}),
      ...(isObject(participant.account) ? { account: participant.account } : {}),
    });
  }

  const accounts = new Map<string, Obj>();
  for (const participant of [...participants.values(), ...added]) {
    if (isObject(participant) && isObject(participant.account) && typeof participant.account.id === 'string' && !accounts.has(participant.account.id)) {
      accounts.set(participant.account.id, participant.account);
    }
  }

  const omitted = pages.map((page) => (isObject(page.$meta) && Array.isArray(page.$meta.omitted) ? page.$meta.omitted : [])).find((list) => list.length > 0);
  return {
    chats: [...chats],
    contacts: [...contacts],
    accounts: [...accounts],
    listOmitted: (omitted ?? []).filter((name): name is string => typeof name === 'string'),
    errors: {
      notFound: firstObjectExample(spec, 'getChatParticipant', 404),
      badRequest: firstObjectExample(spec, 'updateChatParticipant', 400),
      unknownOnRemove: firstObjectExample(spec, 'removeChatParticipant', 400),
    },
  };
}

/** A W3C trace context, as the platform puts in `traceId`. */
function traceId(): string {
  const hex = randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '');
  return `00-${hex.slice(0, 32)}-${hex.slice(32, 48)}-00`;
}

/** A documented ProblemDetails example with this request's detail (the ID it names) and a fresh trace. */
function problem(example: Obj | undefined, status: number, changes: Obj): StateAnswer {
  const base = example ?? { title: 'Error', status };
  return json(status, { ...base, ...changes, traceId: traceId() });
}

/** The example's `detail` naming this ID instead of the example's own (`Chat participant CPT-… was not found.`). */
function detailFor(example: Obj | undefined, id: string, fallback: string): string {
  const detail = typeof example?.detail === 'string' ? example.detail : '';
  const placeholder = /[A-Z]{3}-[0-9][0-9-]*[0-9]/;
  return placeholder.test(detail) ? detail.replace(placeholder, () => id) : fallback;
}

/** `CMG-4821-7730-1955-00042` → the chat part and the message number, to tell older from newer. */
function messageOrder(id: unknown): { chat: string; number: number } | undefined {
  const match = typeof id === 'string' ? /^(.*)-(\d+)$/.exec(id) : null;
  return match ? { chat: match[1]!, number: Number(match[2]) } : undefined;
}

/** Members left out by a projection: the defaults, minus `+member` (or a bare name), plus `-member`. */
function omittedBy(select: string | null, defaults: readonly string[]): Set<string> {
  const omitted = new Set(defaults);
  for (const raw of (select ?? '').split(',')) {
    // A `+` in a query string may arrive decoded as a space.
    const item = raw.replace(/^ /, '+').trim();
    if (!item) continue;
    const member = item.replace(/^[+-]/, '').split('.')[0]!;
    if (item.startsWith('-')) omitted.add(member);
    else omitted.delete(member);
  }
  return omitted;
}

function project(participant: Obj, omitted: ReadonlySet<string>): Obj {
  if (omitted.size === 0) return participant;
  return Object.fromEntries(Object.entries(participant).filter(([key]) => !omitted.has(key)));
}

/** Sort keys of `order=+a,-b.c` (a `+` may arrive as a space). */
function sorter(order: string | null): ((a: Obj, b: Obj) => number) | undefined {
  const keys = (order ?? '')
    .split(',')
    .map((raw) => raw.replace(/^ /, '+').trim())
    .filter(Boolean)
    .map((key) => ({ path: key.replace(/^[+-]/, ''), sign: key.startsWith('-') ? -1 : 1 }));
  if (keys.length === 0) return undefined;
  return (a, b) => {
    for (const { path, sign } of keys) {
      const order = compareValues(valueAt(a, path), valueAt(b, path));
      if (order !== 0) return sign * order;
    }
    return 0;
  };
}

export const softwareoneState: VendorStateFactory = (spec) => {
  const seed = readSeed(spec);
  const hasOperation = (id: string) => findOperation(spec, id) !== undefined;
  const accounts = new Map(seed.accounts);

  const fresh = (): Memory => ({
    chats: new Map(seed.chats.map(([chatId, list]) => [chatId, new Map(list.map((p) => [String(p.id), structuredClone(p)]))])),
    contacts: new Map(structuredClone(seed.contacts)),
    nextId: 1,
  });

  const participantsOf = (memory: Memory, chatId: string) => {
    let chat = memory.chats.get(chatId);
    if (!chat) memory.chats.set(chatId, (chat = new Map()));
    return chat;
  };

  const notFound = (id: string) =>
    problem(seed.errors.notFound, 404, { status: 404, detail: detailFor(seed.errors.notFound, id, `Chat participant ${id} was not found.`) });

  const badRequest = (field: string, message: string) =>
    problem(seed.errors.badRequest, 400, { status: 400, detail: 'One or more validation errors occurred.', errors: { [field]: [message] } });

  const newId = (memory: Memory, chat: Map<string, Obj>): string => {
    const taken = (id: string) => [...memory.chats.values()].some((participants) => participants.has(id)) || chat.has(id);
    let id: string;
    do id = `CPT-9000-0000-${String(memory.nextId++).padStart(4, '0')}`;
    while (taken(id));
    return id;
  };

  const list: Handler<Memory> = (memory, request) => {
    const chatId = request.path.chatId ?? '';
    const { filter } = queryFilters(request.query, LIST_PARAMETERS);
    let matching = [...(memory.chats.get(chatId)?.values() ?? [])].filter(filter);
    const sort = sorter(request.query.get('order'));
    if (sort) matching = [...matching].sort(sort);
    const offset = Math.max(0, intQuery(request.query, 'offset', 0));
    const limit = clamp(intQuery(request.query, 'limit', DEFAULT_LIMIT), 0, MAX_LIMIT);
    const omitted = omittedBy(request.query.get('select'), seed.listOmitted);
    return json(200, {
      $meta: { pagination: { offset, limit, total: matching.length }, omitted: [...omitted] },
      data: matching.slice(offset, offset + limit).map((participant) => project(participant, omitted)),
    });
  };

  const get: Handler<Memory> = (memory, request) => {
    const id = request.path.id ?? '';
    const participant = memory.chats.get(request.path.chatId ?? '')?.get(id);
    if (!participant) return notFound(id);
    return json(200, project(participant, omittedBy(request.query.get('select'), [])));
  };

  const update: Handler<Memory> = (memory, request) => {
    const id = request.path.id ?? '';
    const participant = memory.chats.get(request.path.chatId ?? '')?.get(id);
    if (!participant) return notFound(id);
    const body = objectBody(request);
    const now = isoNow();
    const changes: Obj = {};
    const events: string[] = [];

    if (typeof body.muted === 'boolean' && body.muted !== participant.muted) changes.muted = body.muted;

    if (typeof body.status === 'string' && body.status !== participant.status) {
      if (participant.status === 'Deactivated') return badRequest('status', 'A deactivated participant cannot change its status.');
      if (body.status === 'Exited') {
        if (isObject(participant.chat) && participant.chat.type === 'Direct') {
          const documented = isObject(seed.errors.badRequest?.errors) ? seed.errors.badRequest.errors : undefined;
          return problem(seed.errors.badRequest, 400, { status: 400, errors: documented ?? { status: ['Participants cannot exit a direct chat.'] } });
        }
        changes.status = 'Exited';
        events.push('exited');
      } else if (body.status === 'Active') {
        changes.status = 'Active';
        events.push('reactivated');
      }
      // `Deactivated` cannot be set: it is ignored like the read-only members.
    }

    if (isObject(body.lastReadMessage) && typeof body.lastReadMessage.id === 'string') {
      const current = isObject(participant.lastReadMessage) ? participant.lastReadMessage : undefined;
      if (body.lastReadMessage.id !== current?.id) {
        const from = messageOrder(current?.id);
        const to = messageOrder(body.lastReadMessage.id);
        if (from && to && from.chat === to.chat && to.number < from.number) {
          return badRequest('lastReadMessage', `Message ${body.lastReadMessage.id} is older than the last read message ${String(current?.id)}.`);
        }
        changes.lastReadMessage = structuredClone(body.lastReadMessage);
        // The count of unread messages goes down by the messages now read (inferred from the
        // documented "reset to zero when lastReadMessage moves to the latest message").
        if (from && to && from.chat === to.chat && typeof participant.unreadMessageCount === 'number') {
          changes.unreadMessageCount = Math.max(0, participant.unreadMessageCount - (to.number - from.number));
        }
      }
    }

    if (Object.keys(changes).length > 0) {
      Object.assign(participant, changes);
      participant.revision = (typeof participant.revision === 'number' ? participant.revision : 0) + 1;
      const audit = isObject(participant.audit) ? participant.audit : (participant.audit = {});
      audit.updated = { at: now };
      for (const event of events) audit[event] = { at: now };
    }
    return json(200, participant);
  };

  const add: Handler<Memory> = (memory, request) => {
    const chatId = request.path.chatId ?? '';
    const chat = participantsOf(memory, chatId);
    const items = Array.isArray(request.body) ? request.body.filter(isObject) : [];
    const chatRef = [...chat.values()].map((p) => p.chat).find(isObject) ?? { id: chatId };
    const now = isoNow();
    const created = items.map((item) => {
      const contactId = isObject(item.contact) && typeof item.contact.id === 'string' ? item.contact.id : '';
      const known = memory.contacts.get(contactId);
      // The account the item names (completed from what the examples show of it), else the contact's.
      const account = isObject(item.account) ? { ...accounts.get(String(item.account.id)), ...item.account } : known?.account;
      const participant: Obj = {
        id: newId(memory, chat),
        revision: 1,
        audit: { created: { at: now } },
        chat: structuredClone(chatRef),
        contact: structuredClone(known?.contact ?? { id: contactId }),
        ...(known?.identity ? { identity: structuredClone(known.identity) } : {}),
        ...(account ? { account: structuredClone(account) } : {}),
        muted: false,
        status: 'Active',
        unreadMessageCount: 0,
      };
      chat.set(String(participant.id), participant);
      return participant;
    });
    return json(201, created);
  };

  const remove: Handler<Memory> = (memory, request) => {
    const id = request.path.id ?? '';
    const chat = memory.chats.get(request.path.chatId ?? '');
    if (!chat?.delete(id)) {
      const example = seed.errors.unknownOnRemove;
      return problem(example, 400, { status: 400, detail: detailFor(example, id, `Chat participant ${id} was not found.`) });
    }
    return { status: 204 };
  };

  const handlers: Record<string, Handler<Memory>> = {
    listChatParticipants: list,
    getChatParticipant: get,
    updateChatParticipant: update,
    addChatParticipants: add,
    removeChatParticipant: remove,
  };
  // Only the operations this spec has: an older copy of the spec without add/remove stays Prism's.
  for (const id of Object.keys(handlers)) if (!hasOperation(id)) delete handlers[id];
  return defineState(fresh, handlers);
};
