// Property-based tests: the status mappings in both directions, and input validation.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadSpec } from '../../../tools/codegen/spec.mjs';
import { ParleyError } from '@parley/runtime';
import { describe, expect, it } from 'vitest';
import { birdStatus } from '../src/adapters/bird.js';
import { nexudusMemberStatus, nexudusUpdateBody } from '../src/adapters/nexudus.js';
import { softwareOneStatus } from '../src/adapters/softwareone.js';
import { ADAPTERS, capabilities, PARTICIPANT_STATUSES, PROVIDERS, type ParticipantStatus } from '../src/index.js';
import { checkChanges, checkParticipantRef } from '../src/validate.js';

const adapters = new Map(ADAPTERS.map((adapter) => [adapter.provider as string, adapter]));
const noDefaults = () => ({});

const status = fc.constantFrom(...PARTICIPANT_STATUSES);

describe('status mapping', () => {
  it.each([
    ['softwareone', softwareOneStatus, ['Active', 'Exited', 'Deactivated']],
    ['bird', birdStatus, ['invited', 'pending', 'active', 'inactive']],
  ] as const)('%s: normalized → vendor → normalized is the identity where a vendor value exists', (_, mapping, vendorValues) => {
    fc.assert(
      fc.property(status, (s) => {
        const vendor = mapping.toVendor(s);
        if (vendor !== undefined) expect(mapping.fromVendor(vendor)).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...vendorValues), (v) => {
        expect(mapping.toVendor(mapping.fromVendor(v) as ParticipantStatus)).toBe(v);
      }),
    );
  });

  it('maps any value a vendor may add to unknown, never to a wrong status', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const known = ['Active', 'Exited', 'Deactivated'];
        fc.pre(!known.includes(value));
        expect(softwareOneStatus.fromVendor(value)).toBe('unknown');
      }),
    );
  });

  it('every settable status has a vendor value the spec accepts', () => {
    expect(capabilities('softwareone').set.status.map(softwareOneStatus.toVendor)).toEqual(['Active', 'Exited']);
    expect(capabilities('bird').set.status.map(birdStatus.toVendor)).toEqual(['active', 'invited', 'pending']);
  });

  it('nexudus: a membership change then a read gives back the status, and nothing else in the room changes', () => {
    const room = fc.record(
      {
        Id: fc.integer({ min: 1 }),
        BusinessId: fc.integer({ min: 1 }),
        Name: fc.option(fc.string(), { nil: null }),
        Active: fc.boolean(),
        LastAgentVisit: fc.option(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), { nil: null }),
        Users: fc.uniqueArray(fc.integer({ min: 1, max: 1000 })),
        SystemId: fc.option(fc.string(), { nil: null }),
        UniqueId: fc.uuid(),
        IsNew: fc.boolean(),
      },
      { requiredKeys: ['Id', 'BusinessId'] },
    );
    // What the PUT takes and keeps, from the spec: not the ids, the membership lists, or what it ignores.
    const update = loadSpec(fileURLToPath(new URL('../../../specs/nexudus/openapi.yaml', import.meta.url))).components.schemas.ChatRoomUpdate;
    const writable = Object.entries(update.properties as Record<string, { 'x-parley-ignored-on-input'?: boolean }>)
      .filter(([name, property]) => !['Id', 'BusinessId', 'Users', 'AddedUsers', 'RemovedUsers'].includes(name) && !property['x-parley-ignored-on-input'])
      .map(([name]) => name);
    expect(writable).toContain('SystemId');
    fc.assert(
      fc.property(room, fc.integer({ min: 1, max: 1000 }), fc.constantFrom('active' as const, 'left' as const), (r, user, s) => {
        const body = nexudusUpdateBody(r, r.Id, s, user);
        expect(body).not.toHaveProperty('Users');
        const { AddedUsers, RemovedUsers, ...kept } = body;
        for (const [key, value] of Object.entries(kept)) expect(value).toEqual((r as Record<string, unknown>)[key] ?? value);
        // Nothing the room had that the PUT would change is lost.
        for (const key of writable) if (key in r) expect((kept as Record<string, unknown>)[key]).toEqual((r as Record<string, unknown>)[key] ?? null);
        // Apply the change as Nexudus would, and read the status back.
        const users = new Set(r.Users ?? []);
        for (const id of AddedUsers ?? []) users.add(id);
        for (const id of RemovedUsers ?? []) users.delete(id);
        expect(nexudusMemberStatus({ ...r, Users: [...users] }, user) ?? 'left').toBe(s);
      }),
    );
  });
});

describe('input validation', () => {
  const notString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object(), fc.array(fc.string()));

  it('refuses any non-string id for SoftwareOne and Bird participants, naming the field', () => {
    fc.assert(
      fc.property(fc.constantFrom('softwareone', 'bird'), notString, (provider, id) => {
        const chatId = provider === 'bird' ? '67e4d358-ca94-421e-98b7-448860df9d33' : 'CHT-1';
        const input = { provider, chatId, participantId: id, ...(provider === 'bird' ? { workspaceId: '67e4d358-ca94-421e-98b7-448860df9d33' } : {}) };
        const attempt = () => checkParticipantRef(adapters, input, ['participantId'], noDefaults);
        expect(attempt).toThrow(ParleyError);
        expect(attempt).toThrow('`participantId`');
      }),
    );
  });

  it('accepts exactly the positive safe integers as Nexudus ids, as numbers or strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.string(), fc.maxSafeNat().map(String)), (id) => {
        const valid = /^[1-9]\d*$/.test(String(id)) && Number.isSafeInteger(Number(id)) && (typeof id === 'string' || Number.isInteger(id));
        const attempt = () => checkParticipantRef(adapters, { provider: 'nexudus', chatId: 1, participantId: id }, ['participantId'], noDefaults);
        if (valid) expect(attempt().ref.participantId).toBe(String(id));
        else expect(attempt).toThrow('`participantId`');
      }),
    );
  });

  it('accepts a set exactly when it is non-empty, well typed, known and supported', () => {
    const set = fc.dictionary(
      fc.constantFrom('status', 'muted', 'lastReadMessageId', 'role'),
      fc.oneof(status, fc.boolean(), fc.string({ minLength: 1 }), fc.integer()),
    );
    fc.assert(
      fc.property(fc.constantFrom(...PROVIDERS), set, (provider, changes) => {
        const supported = capabilities(provider).set;
        const typed =
          Object.keys(changes).length > 0 &&
          !('role' in changes) &&
          (changes.status === undefined || (PARTICIPANT_STATUSES as readonly unknown[]).includes(changes.status)) &&
          (changes.muted === undefined || typeof changes.muted === 'boolean') &&
          (changes.lastReadMessageId === undefined || (typeof changes.lastReadMessageId === 'string' && changes.lastReadMessageId.trim() !== ''));
        const ok =
          typed &&
          (changes.status === undefined || supported.status.includes(changes.status as ParticipantStatus)) &&
          (changes.muted === undefined || supported.muted) &&
          (changes.lastReadMessageId === undefined || supported.lastReadMessageId);
        const result = (() => {
          try {
            return checkChanges(provider, changes, supported);
          } catch (error) {
            return error as ParleyError;
          }
        })();
        if (ok) expect(result).toEqual(changes);
        else expect(result).toMatchObject({ code: typed ? 'unsupported' : 'invalid_input' });
      }),
    );
  });
});
