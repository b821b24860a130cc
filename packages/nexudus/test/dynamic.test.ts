// Prism's dynamic mode (`Prefer: dynamic=true`, or `pnpm mock -- --dynamic`) generates bodies from
// the spec's schemas instead of its examples. The spec's bounds keep them realistic: positive ids,
// real date-times, a few items per list. Each body is generated anew, so each check runs a few rounds.
import { specOf } from '@parley/testkit/fixtures';
import { prefer } from '@parley/testkit/prefer';
import { describe, expect, inject, it } from 'vitest';
import {
  createChatRoom,
  createNexudusClient,
  deleteChatRoom,
  getChatRoom,
  listChatRooms,
  type ChatRoom,
  type CommandResult,
} from '../src/index.js';

const client = createNexudusClient({ token: 'test-token', baseUrl: inject('prismUrl'), retry: false });
const dynamic = { headers: prefer({ dynamic: true }) };
const ROUNDS = 8;
// The spec caps what the generator makes (`x-json-schema-faker`): arrays and strings stay short.
const { maxItems: MAX_ITEMS, maxLength: MAX_LENGTH } = specOf('nexudus')['x-json-schema-faker'] as { maxItems: number; maxLength: number };

const positiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;
const count = (max: number) => (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
const text = (value: unknown) => typeof value === 'string' && value.length <= MAX_LENGTH;
const boolean = (value: unknown) => typeof value === 'boolean';
// RFC 3339 with a zone, as `format: date-time` promises, and a real date.
const dateTime = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value));
const uuid = (value: unknown) => typeof value === 'string' && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value);
const userIds = (value: unknown) => Array.isArray(value) && value.length <= MAX_ITEMS && value.every(positiveInteger);
const optional = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || check(value);
const nullable = (check: (value: unknown) => boolean) => (value: unknown) => value === null || check(value);

/** What each property of a room must look like: the generated `ChatRoom` type, checked at run time. */
const ROOM: Record<string, (value: unknown) => boolean> = {
  Id: positiveInteger,
  BusinessId: positiveInteger,
  Name: optional(nullable(text)),
  Active: optional(boolean),
  LastAgentVisit: optional(nullable(dateTime)),
  Users: optional(userIds),
  AddedUsers: optional(userIds),
  RemovedUsers: optional(userIds),
  UniqueId: optional(uuid),
  CreatedOn: optional(dateTime),
  UpdatedOn: optional(dateTime),
  UpdatedBy: optional(nullable(text)),
  IsNew: optional(boolean),
  SystemId: optional(nullable(text)),
};

/** The properties of `body` that break `shape`, or that `shape` does not know (invented ones). */
function misfits(body: object, shape: Record<string, (value: unknown) => boolean>): string[] {
  const names = new Set([...Object.keys(shape), ...Object.keys(body)]);
  const values = body as Record<string, unknown>;
  return [...names].filter((name) => !shape[name]?.(values[name])).map((name) => `${name}: ${JSON.stringify(values[name])}`);
}

/** Prism checks what it generated against the spec too and says so in `sl-violations`. */
function expectGeneratedAndValid(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('sl-violations')).toBeNull();
}

describe('dynamic mock data', () => {
  it('gives rooms of the typed shape, with positive integer ids and few members', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { data, response } = await getChatRoom(client, { path: { id: 87654321 } }, dynamic);
      expectGeneratedAndValid(response);
      const room: ChatRoom = data!;
      expect(misfits(room, ROOM)).toEqual([]);
    }
  });

  it('gives small pages of such rooms, with bounded non-negative counters', async () => {
    const PAGE: Record<string, (value: unknown) => boolean> = {
      Records: optional((records) => Array.isArray(records) && records.length <= MAX_ITEMS),
      CurrentPage: optional(count(1_000_000)),
      CurrentPageSize: optional(count(1000)),
      CurrentOrderField: optional(nullable(text)),
      CurrentSortDirection: optional((direction) => [-1, 0, 1].includes(direction as number)),
      FirstItem: optional(count(1_000_000)),
      LastItem: optional(count(1_000_000)),
      TotalItems: optional(count(1_000_000)),
      TotalPages: optional(count(1_000_000)),
      HasNextPage: optional(boolean),
      HasPreviousPage: optional(boolean),
    };
    for (let round = 0; round < ROUNDS; round++) {
      const { data, response } = await listChatRooms(client, {}, dynamic);
      expectGeneratedAndValid(response);
      expect(misfits(data!, PAGE)).toEqual([]);
      expect(data!.CurrentPage ?? 1).toBeGreaterThanOrEqual(1);
      for (const room of data!.Records ?? []) expect(misfits(room, ROOM)).toEqual([]);
      expect(JSON.stringify(data).length).toBeLessThan(4_000);
    }
  });

  it('gives command envelopes whose Value is an {Id} or null, for create and delete', async () => {
    const ENVELOPE: Record<string, (value: unknown) => boolean> = {
      Status: optional((status) => Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599),
      Message: optional(nullable(text)),
      Value: optional((value) => value === null || (typeof value === 'object' && positiveInteger((value as { Id?: unknown }).Id))),
      WasSuccessful: optional(boolean),
      Errors: optional(nullable((errors) => Array.isArray(errors) && errors.length <= MAX_ITEMS)),
      OpenInDialog: optional(boolean),
      OpenInWindow: optional(boolean),
      RedirectURL: optional(nullable(text)),
      JavaScript: optional(nullable(text)),
      UpdatedOn: optional(nullable(dateTime)),
      UpdatedBy: optional(nullable(text)),
    };
    for (let round = 0; round < ROUNDS; round++) {
      // Results, not orThrow: a generated envelope may say WasSuccessful: false, and then it is the error.
      for (const { data, error, response } of [
        await createChatRoom(client, { body: { BusinessId: 12345678 } }, dynamic),
        await deleteChatRoom(client, { path: { id: 87654321 } }, dynamic),
      ]) {
        expectGeneratedAndValid(response);
        const envelope = (data ?? error) as CommandResult;
        expect(misfits(envelope, ENVELOPE)).toEqual([]);
      }
    }
  });
});
