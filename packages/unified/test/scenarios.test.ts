// What a QA engineer does with the mocks: force each vendor's not-found, validation error and
// throttle with a `Prefer` header sent through Parley's own clients, and see the typed error.
import * as bird from '@parley/bird';
import * as nexudus from '@parley/nexudus';
import { ParleyError } from '@parley/runtime';
import * as softwareone from '@parley/softwareone';
import { prefer } from '@parley/testkit/prefer';
import { describe, expect, it } from 'vitest';
import { CONVERSATION, parleyWithSpy, WORKSPACE } from './support.js';

const forced = (code: number) => ({ headers: prefer({ code }), retry: false as const });
const caught = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as ParleyError);

const cases = [
  {
    provider: 'softwareone',
    ref: { provider: 'softwareone', chatId: 'CHT-4821-7730-1955', participantId: 'CPT-5104-3382-7716' },
    set: { muted: true },
    notFound: { status: 404, body: { title: 'Not Found', status: 404 } },
    validation: { status: 400, code: 'invalid_input', body: { errors: { status: ['Participants cannot exit a direct chat.'] } } },
    throttle: { status: 429, body: { title: 'Too Many Requests' } },
  },
  {
    provider: 'bird',
    ref: { provider: 'bird', chatId: CONVERSATION, participantId: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf' },
    set: { status: 'active' },
    notFound: { status: 404, body: { code: 'ResourceNotFound' } },
    validation: { status: 422, code: 'invalid_input', body: { code: 'ValidationFailed' } },
    throttle: { status: 429, body: { code: 'TooManyRequests' } },
  },
  {
    provider: 'nexudus',
    ref: { provider: 'nexudus', chatId: 87654321, participantId: 1029384 },
    set: { status: 'active' },
    notFound: { status: 404, body: { Status: 404, WasSuccessful: false } },
    validation: { status: 400, code: 'invalid_input', body: { Message: 'Name: is a required field', WasSuccessful: false } },
    throttle: { status: 409, body: undefined }, // Nexudus throttles with 409, Retry-After and no body
  },
] as const;

describe.each(cases)('$provider scenarios through the unified API', (c) => {
  it('forces a not-found', async () => {
    const { parley } = parleyWithSpy();
    const error = await caught(parley.participants.get(c.ref, forced(404)));
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'not_found', provider: c.provider, status: 404, body: c.notFound.body });
  });

  it('forces a validation error', async () => {
    const { parley } = parleyWithSpy();
    // Nexudus' unified update is a read then a PUT and a forced status would hit the read, so its
    // validation error is forced on the PUT through the vendor client.
    const error = await caught(
      c.provider === 'nexudus'
        ? nexudus.updateChatRoom.orThrow(parley.vendor('nexudus'), { body: { Id: 87654321, BusinessId: 12345678 } }, forced(400))
        : parley.participants.update({ ...c.ref, set: c.set } as never, forced(c.validation.status)),
    );
    expect(error).toMatchObject({ code: c.validation.code, provider: c.provider, status: c.validation.status, body: c.validation.body });
  });

  it('forces the throttle response', async () => {
    const { parley } = parleyWithSpy();
    const error = await caught(parley.participants.get(c.ref, forced(c.throttle.status)));
    expect(error).toMatchObject({ code: 'rate_limited', provider: c.provider, status: c.throttle.status, attempts: 1 });
    expect(error?.body).toEqual(c.throttle.body === undefined ? undefined : expect.objectContaining(c.throttle.body));
  });
});

describe('scenarios through the vendor clients', () => {
  it('picks a named example', async () => {
    const { parley } = parleyWithSpy();
    const contact = await bird.getConversationParticipant.orThrow(parley.vendor('bird'), {
      path: { workspaceId: WORKSPACE, conversationId: CONVERSATION, conversationParticipantId: 'x' },
    }, { headers: prefer({ example: 'invitedContact' }) });
    expect(contact).toMatchObject({ type: 'contact', status: 'invited' });
  });

  it('forces errors per call', async () => {
    const { parley } = parleyWithSpy();
    const swo = await caught(
      softwareone.updateChatParticipant.orThrow(parley.vendor('softwareone'), { path: { chatId: 'CHT-1', id: 'CPT-1' }, body: { muted: true } }, forced(409)),
    );
    expect(swo).toMatchObject({ code: 'conflict', status: 409, body: { title: 'Conflict' } });
    const throttled = await caught(nexudus.listChatRooms.orThrow(parley.vendor('nexudus'), {}, forced(409)));
    expect(throttled).toMatchObject({ code: 'rate_limited', retryAfterMs: 1000 });
  });
});
