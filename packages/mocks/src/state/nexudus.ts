// Nexudus support chat rooms. What Nexudus does with a write, as the spec and the research notes
// (shared/vendors/nexudus.md) document it:
// - PUT (the Id in the body) sets the fields the body gives; `Users` replaces the member list,
//   then `AddedUsers` are added and `RemovedUsers` removed; the base fields a GET returns
//   (UniqueId, CreatedOn, UpdatedOn, UpdatedBy, IsNew) are ignored on input. `UpdatedOn` moves.
//   It answers the command envelope of the spec's example with `Value: {Id}`.
// - POST creates a room with the next Id and answers 200 (not 201) with `Value: {Id}`.
// - DELETE removes the room. Unknown Ids get the 404 envelope.
// - The list pages with `page` (from 1) and `size` (default from the spec), sorts with
//   `orderBy`/`dir` (0 ascending, 1 descending, as the ChatRooms page says) and filters with
//   the documented `ChatRoom_*` and `from_`/`to_` parameters. List records leave out `Users`,
//   `AddedUsers` and `RemovedUsers`, which only "Get one ChatRoom" returns.
import { randomUUID } from 'node:crypto';
import { defineState, json, mergeRecords, objectBody, type Handler } from './define.js';
import { boolQuery, clamp, compareValues, intQuery } from './paging.js';
import { findOperation, firstObjectExample, isObject, parameterNumber, responseExamples, type Obj } from './spec.js';
import type { StateAnswer, ValidRequest, VendorStateFactory } from './types.js';

/** The most records a page holds: the bound the spec assumes for `Records` (older Nexudus references' `size` maximum). */
const MAX_SIZE = 1000;
const COLLECTIONS = ['Users', 'AddedUsers', 'RemovedUsers'] as const;

interface Memory {
  rooms: Map<number, Obj>;
}

/** Nexudus' own date-time style: seconds, no milliseconds, `Z` (`2025-01-15T10:30:00Z`). */
function nexudusNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The username of a Basic credential, which is who Nexudus records in `UpdatedBy`; undefined for a bearer token. */
function basicUser(request: ValidRequest): string | undefined {
  const match = /^Basic\s+(\S+)/i.exec(request.headers.authorization ?? '');
  if (!match) return undefined;
  const user = Buffer.from(match[1]!, 'base64').toString('utf8').split(':')[0];
  return user || undefined;
}

/** Minute precision (`YYYY-MM-DDTHH:mm`), the form the list's date filters take. */
function minute(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? value.slice(0, 16) : undefined;
}

function integers(value: unknown): number[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is number => Number.isInteger(item)) : undefined;
}

/** A date-time as Nexudus writes it back, or undefined when it cannot be read as one. */
function dateTime(value: string): string | undefined {
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const time = Date.parse(zoned);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && Number.isFinite(time) ? new Date(time).toISOString().replace(/\.000Z$/, 'Z') : undefined;
}

/** The room as the list shows it: without its collections. */
function listed(room: Obj): Obj {
  return Object.fromEntries(Object.entries(room).filter(([key]) => !(COLLECTIONS as readonly string[]).includes(key)));
}

export const nexudusState: VendorStateFactory = (spec) => {
  const defaultSize = parameterNumber(spec, 'listChatRooms', 'size', 'default') ?? 25;
  const envelopes = {
    updated: firstObjectExample(spec, 'updateChatRoom', 200),
    created: firstObjectExample(spec, 'createChatRoom', 200),
    deleted: firstObjectExample(spec, 'deleteChatRoom', 200),
    notFound: firstObjectExample(spec, 'getChatRoom', 404),
    invalid: firstObjectExample(spec, 'updateChatRoom', 400),
  };

  // Seeds: the rooms of "Get one ChatRoom" (with their members) first, the list's fill in.
  const single = responseExamples(spec, 'getChatRoom', 200);
  const pages = responseExamples(spec, 'listChatRooms', 200)
    .filter(isObject)
    .flatMap((page) => (Array.isArray(page.Records) ? page.Records : []));
  const seeds = [...mergeRecords([single, pages], (room) => room.Id).values()]
    .filter((room) => Number.isInteger(room.Id))
    .map((room): Obj => ({ ...room, Users: integers(room.Users) ?? [], AddedUsers: [], RemovedUsers: [] }));

  const fresh = (): Memory => ({ rooms: new Map(seeds.map((room) => [room.Id as number, structuredClone(room)])) });

  const envelope = (example: Obj | undefined, fallback: Obj, changes: Obj): StateAnswer =>
    json(200, { ...(example ?? fallback), ...changes });

  const notFound = (): StateAnswer =>
    json(404, envelopes.notFound ?? { Status: 404, Message: 'ChatRoom was not found.', Value: null, Errors: null, WasSuccessful: false });

  /** The documented 400 envelope, naming this property and value. */
  const invalid = (property: string, attempted: unknown, message: string): StateAnswer =>
    json(400, {
      ...(envelopes.invalid ?? {}),
      Message: `${property}: ${message}`,
      Value: null,
      Errors: [{ AttemptedValue: attempted, Message: message, PropertyName: property }],
      WasSuccessful: false,
    });

  /** Writes the body's fields into the room; an answer when the body cannot be applied. */
  const apply = (room: Obj, body: Obj): StateAnswer | undefined => {
    // The documentation's minimal example sends `BusinessId: 0` (a placeholder): a room keeps its
    // business unless a real Id is given.
    if (Number.isInteger(body.BusinessId) && (body.BusinessId as number) > 0) room.BusinessId = body.BusinessId;
    if ('Name' in body) room.Name = body.Name;
    if (typeof body.Active === 'boolean') room.Active = body.Active;
    if ('LastAgentVisit' in body) {
      if (body.LastAgentVisit === null) room.LastAgentVisit = null;
      else {
        const value = typeof body.LastAgentVisit === 'string' ? dateTime(body.LastAgentVisit) : undefined;
        if (!value) return invalid('LastAgentVisit', body.LastAgentVisit, 'is not a valid date and time');
        room.LastAgentVisit = value;
      }
    }
    if ('SystemId' in body) room.SystemId = body.SystemId;
    let users = integers(room.Users) ?? [];
    const replaced = integers(body.Users);
    if (replaced) users = replaced;
    for (const user of integers(body.AddedUsers) ?? []) if (!users.includes(user)) users.push(user);
    const removed = new Set(integers(body.RemovedUsers) ?? []);
    room.Users = [...new Set(users)].filter((user) => !removed.has(user));
    return undefined;
  };

  const list: Handler<Memory> = (memory, request) => {
    const query = request.query;
    const page = Math.max(1, intQuery(query, 'page', 1));
    const size = clamp(intQuery(query, 'size', defaultSize), 1, MAX_SIZE);
    const orderBy = query.get('orderBy') || 'Id';
    const dir = clamp(intQuery(query, 'dir', 0), -1, 1);

    const filters: ((room: Obj) => boolean)[] = [];
    const business = query.get('ChatRoom_Business');
    if (business) filters.push((room) => String(room.BusinessId) === business);
    const name = query.get('ChatRoom_Name');
    // Inferred: Nexudus' text filters match part of the name, case-insensitively.
    if (name) filters.push((room) => typeof room.Name === 'string' && room.Name.toLowerCase().includes(name.toLowerCase()));
    const active = boolQuery(query, 'ChatRoom_Active');
    if (active !== undefined) filters.push((room) => room.Active === active);
    const visit = query.get('ChatRoom_LastAgentVisit');
    if (visit) filters.push((room) => minute(room.LastAgentVisit) === visit.slice(0, 16));
    const user = query.get('ChatRoom_Users');
    if (user) filters.push((room) => (integers(room.Users) ?? []).includes(Number(user)));
    for (const field of ['LastAgentVisit', 'CreatedOn', 'UpdatedOn']) {
      const from = query.get(`from_ChatRoom_${field}`);
      const to = query.get(`to_ChatRoom_${field}`);
      if (from) filters.push((room) => (minute(room[field]) ?? '') >= from.slice(0, 16));
      if (to) filters.push((room) => minute(room[field]) !== undefined && minute(room[field])! <= to.slice(0, 16));
    }

    // `dir`: 0 ascending, 1 descending (the ChatRooms page); -1, other pages' descending, too.
    const sign = dir === 0 ? 1 : -1;
    const matching = [...memory.rooms.values()]
      .filter((room) => filters.every((filter) => filter(room)))
      .sort((a, b) => sign * compareValues(a[orderBy], b[orderBy]) || compareValues(a.Id, b.Id));
    const total = matching.length;
    const records = matching.slice((page - 1) * size, page * size).map(listed);
    const first = records.length > 0 ? (page - 1) * size + 1 : 0;
    return json(200, {
      Records: records,
      CurrentPage: page,
      CurrentPageSize: size,
      CurrentOrderField: orderBy,
      CurrentSortDirection: dir,
      FirstItem: first,
      LastItem: records.length > 0 ? first + records.length - 1 : 0,
      TotalItems: total,
      TotalPages: Math.ceil(total / size),
      HasNextPage: page * size < total,
      HasPreviousPage: page > 1,
    });
  };

  const get: Handler<Memory> = (memory, request) => {
    const room = memory.rooms.get(Number(request.path.id));
    return room ? json(200, room) : notFound();
  };

  const update: Handler<Memory> = (memory, request) => {
    const body = objectBody(request);
    const room = memory.rooms.get(Number(body.Id));
    if (!room) return notFound();
    // Applied to a copy, so a refused body changes nothing.
    const next = structuredClone(room);
    const refused = apply(next, body);
    if (refused) return refused;
    next.UpdatedOn = nexudusNow();
    next.UpdatedBy = basicUser(request) ?? next.UpdatedBy ?? null;
    next.IsNew = false;
    memory.rooms.set(room.Id as number, next);
    return envelope(envelopes.updated, { Status: 200, Message: 'ChatRoom was successfully updated.', Errors: null, WasSuccessful: true }, {
      Value: { Id: next.Id },
      UpdatedOn: next.UpdatedOn,
      UpdatedBy: next.UpdatedBy,
    });
  };

  const create: Handler<Memory> = (memory, request) => {
    const body = objectBody(request);
    // As for the update, `0` is no business: the documented 400 for a missing `BusinessId`.
    if (!Number.isInteger(body.BusinessId) || (body.BusinessId as number) < 1) return invalid('BusinessId', body.BusinessId ?? null, 'is a required field');
    const id = Math.max(0, ...memory.rooms.keys()) + 1;
    const now = nexudusNow();
    // Inferred defaults for what the body leaves out: .NET's (`Active` false) and null.
    const room: Obj = {
      Id: id,
      BusinessId: body.BusinessId,
      Name: null,
      Active: false,
      LastAgentVisit: null,
      Users: [],
      AddedUsers: [],
      RemovedUsers: [],
      UniqueId: randomUUID(),
      CreatedOn: now,
      UpdatedOn: now,
      UpdatedBy: basicUser(request) ?? null,
      IsNew: true,
      SystemId: null,
    };
    const refused = apply(room, body);
    if (refused) return refused;
    memory.rooms.set(id, room);
    return envelope(envelopes.created, { Status: 200, Message: 'ChatRoom was successfully created.', Errors: null, WasSuccessful: true }, {
      Value: { Id: id },
      UpdatedOn: now,
      UpdatedBy: room.UpdatedBy,
    });
  };

  const remove: Handler<Memory> = (memory, request) => {
    if (!memory.rooms.delete(Number(request.path.id))) return notFound();
    return envelope(envelopes.deleted, { Status: 200, Message: 'ChatRoom was successfully deleted.', Value: null, Errors: null, WasSuccessful: true }, {});
  };

  const handlers: Record<string, Handler<Memory>> = {
    listChatRooms: list,
    getChatRoom: get,
    updateChatRoom: update,
    createChatRoom: create,
    deleteChatRoom: remove,
  };
  for (const id of Object.keys(handlers)) if (!findOperation(spec, id)) delete handlers[id];
  return defineState(fresh, handlers);
};
