// SoftwareOne's client against Prism serving specs/softwareone/openapi.yaml with request validation on.
import { ParleyError } from '@parley/runtime';
import { pathExample, requestExample } from '@parley/testkit/fixtures';
import { prefer } from '@parley/testkit/prefer';
import { describe, expect, inject, it } from 'vitest';
import {
  addChatParticipants,
  createSoftwareOneClient,
  getChatParticipant,
  listChatParticipants,
  removeChatParticipant,
  updateChatParticipant,
  type AddChatParticipantsBody,
  type GetChatParticipantPath,
  type ListChatParticipantsPath,
  type UpdateChatParticipantBody,
} from '../src/index.js';

const baseUrl = inject('prismUrl');
const client = createSoftwareOneClient({ token: 'test-token', baseUrl, retry: false });
// Ids from the spec's parameter examples: CHT-4821-7730-1955 and CPT-5104-3382-7716.
const chat = pathExample<ListChatParticipantsPath>('softwareone', 'listChatParticipants');
const participant = pathExample<GetChatParticipantPath>('softwareone', 'getChatParticipant');

describe('updateChatParticipant (PUT)', () => {
  it('returns the updated participant', async () => {
    const { data, error, response } = await updateChatParticipant(client, {
      path: participant,
      body: requestExample<UpdateChatParticipantBody>('softwareone', 'updateChatParticipant', 'mute'), // { id, muted: true }
    }, { headers: prefer({ example: 'muted' }) });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ id: 'CPT-5104-3382-9020', muted: true, status: 'Active' });
    expect(data?.chat).toMatchObject({ id: 'CHT-4821-7730-1955', type: 'Group' });
    expect(data?.lastReadMessage?.id).toBe('CMG-4821-7730-1955-00042');
  });

  it('accepts a partial body: only lastReadMessage', async () => {
    const { data, response } = await updateChatParticipant(
      client,
      { path: participant, body: { lastReadMessage: { id: 'CMG-4821-7730-1955-00041' } } },
      { headers: prefer({ example: 'active' }) },
    );
    expect(response.status).toBe(200);
    expect(data?.contact?.directories?.[0]?.account?.externalIds?.pyraTenantId).toBe('123e4567-e89b-12d3-a456-426614174000');
  });

  it.each([
    [400, 'Bad Request'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
    [409, 'Conflict'],
  ])('gives the typed ProblemDetails body for %i', async (status, title) => {
    const { data, error, response } = await updateChatParticipant(
      client, { path: participant, body: { status: 'Exited' } },
      { headers: prefer({ code: status }) },
    );
    expect(data).toBeUndefined();
    expect(response.status).toBe(status);
    expect(error).toMatchObject({ status, title, traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/) });
  });

  it('gives the validation errors map for 400', async () => {
    const { error } = await updateChatParticipant(
      client, { path: participant, body: { status: 'Exited' } },
      { headers: prefer({ code: 400 }) },
    );
    expect(error?.errors).toEqual({ status: ['Participants cannot exit a direct chat.'] });
  });

  it('is refused by the mock when a field has the wrong type', async () => {
    const bad = { muted: 'yes' } as unknown as { muted: boolean };
    const { error, response } = await updateChatParticipant(client, { path: participant, body: bad });
    expect(response.status).toBe(400);
    expect(error?.status).toBe(400);
  });

  it('reports a wrong token as the 401 body', async () => {
    const { error, response } = await updateChatParticipant(
      client, { path: participant, body: { muted: false } },
      { headers: prefer({ code: 401 }) },
    );
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ status: 401, title: 'Unauthorized' });
  });
});

describe('getChatParticipant (GET)', () => {
  it('returns the participant with its contact and audit', async () => {
    const { data, response } = await getChatParticipant(client, { path: participant, query: { select: '+audit' } });
    expect(response.status).toBe(200);
    expect(new URL(response.url).searchParams.get('select')).toBe('+audit');
    expect(data).toMatchObject({ id: 'CPT-5104-3382-7716', status: 'Active', unreadMessageCount: 1 });
    expect(data?.audit?.created?.at).toBe('2026-03-30T20:13:12.412Z');
    expect(data?.contact?.identity?.id).toBe('USR-4415-0092');
  });

  it.each([
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
  ])('gives the typed ProblemDetails body for %i', async (status, title) => {
    const { error, response } = await getChatParticipant(client, { path: participant }, { headers: prefer({ code: status }) });
    expect(response.status).toBe(status);
    expect(error).toMatchObject({ status, title });
  });
});

describe('listChatParticipants (GET)', () => {
  it('returns a page with pagination metadata', async () => {
    const { data, response } = await listChatParticipants(client, { path: chat, query: { limit: 10, offset: 0, order: '-audit.created.at' } });
    expect(response.status).toBe(200);
    expect(data?.$meta?.pagination).toEqual({ offset: 0, limit: 10, total: 2 });
    expect(data?.data?.map((p) => p.id)).toEqual(['CPT-5104-3382-7716', 'CPT-5104-3382-9020']);
  });

  it('is rejected by the mock when offset is negative', async () => {
    const { response } = await listChatParticipants(client, { path: chat, query: { offset: -1 } });
    expect(response.status).toBe(400);
  });

  it.each([
    [400, 'Bad Request'],
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
  ])('gives the typed ProblemDetails body for %i', async (status, title) => {
    const { error, response } = await listChatParticipants(client, { path: chat }, { headers: prefer({ code: status }) });
    expect(response.status).toBe(status);
    expect(error).toMatchObject({ status, title });
  });
});

describe('credentials', () => {
  it('sends Authorization: Bearer <token>', async () => {
    let sent: string | null = null;
    const spy = createSoftwareOneClient({
      token: 'spy-token',
      baseUrl,
      fetch: async (request) => {
        sent = request.headers.get('authorization');
        return fetch(request);
      },
    });
    await getChatParticipant(spy, { path: participant });
    expect(sent).toBe('Bearer spy-token');
  });

  it('refuses a missing token before any request', () => {
    expect(() => createSoftwareOneClient({ token: '', baseUrl })).toThrow(ParleyError);
  });

  it('is answered 401 by the mock without an Authorization header', async () => {
    const response = await fetch(`${baseUrl}/public/v1/helpdesk/chats/CHT-1/participants/CPT-1`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ title: 'Unauthorized' });
  });
});

describe('throwing style (orThrow)', () => {
  it('returns the participant', async () => {
    const data = await getChatParticipant.orThrow(client, { path: participant });
    expect(data.id).toBe('CPT-5104-3382-7716');
  });

  it('throws a ParleyError with the ProblemDetails body and its traceId as request id', async () => {
    const error = await updateChatParticipant
      .orThrow(client, { path: participant, body: { status: 'Exited' } }, { headers: prefer({ code: 400 }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({
      code: 'invalid_input',
      provider: 'softwareone',
      operationId: 'updateChatParticipant',
      status: 400,
      requestId: '00-9e02a91b64ac56904703a3a69ea9101d-56be90a29d0b0b25-00',
      body: { title: 'Bad Request', errors: { status: ['Participants cannot exit a direct chat.'] } },
    });
  });
});

describe('updateChatParticipant accepts what SoftwareOne documents', () => {
  it("takes the vendor's own request example, the whole participant with its read-only members", async () => {
    const body = requestExample<UpdateChatParticipantBody>('softwareone', 'updateChatParticipant', 'wholeParticipant');
    expect(body).toHaveProperty('unreadMessageCount');
    const { error, response } = await updateChatParticipant(client, { path: participant, body });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
  });

  it('takes back a participant read with GET, one field changed (what its Python client does)', async () => {
    const read = await getChatParticipant.orThrow(client, { path: participant });
    const updated = await updateChatParticipant.orThrow(client, { path: participant, body: { ...read, muted: !read.muted } });
    expect(updated.id).toEqual(expect.any(String));
  });
});

describe('addChatParticipants (POST)', () => {
  const oneContact = () => requestExample<AddChatParticipantsBody>('softwareone', 'addChatParticipants', 'oneContact');

  it('sends an array of contacts and returns the created participants as an array', async () => {
    const { data, error, response } = await addChatParticipants(client, { path: chat, body: oneContact() }); // [{ contact: { id: 'CTT-0002-7415' } }]
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(Array.isArray(data)).toBe(true);
    expect(data).toHaveLength(1);
    expect(data?.[0]).toMatchObject({ id: 'CPT-5104-3382-8841', status: 'Active', contact: { id: 'CTT-0002-7415' } });
  });

  it('adds two contacts in one request (named example twoAdded)', async () => {
    const body = requestExample<AddChatParticipantsBody>('softwareone', 'addChatParticipants', 'twoContacts');
    const data = await addChatParticipants.orThrow(client, { path: chat, body }, { headers: prefer({ example: 'twoAdded' }) });
    expect(data.map((p) => p.contact?.id)).toEqual(body.map((item) => item.contact.id));
    expect(data.map((p) => p.account?.type)).toEqual(['Client', 'Vendor']);
  });

  it('takes the account a contact with several account contexts acts for', async () => {
    const body = requestExample<AddChatParticipantsBody>('softwareone', 'addChatParticipants', 'contactWithAccount');
    expect(body[0]?.account?.id).toBe('ACC-9012-3456');
    const { response } = await addChatParticipants(client, { path: chat, body });
    expect(response.status).toBe(201);
  });

  it.each([
    [400, 'Bad Request'],
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
    [409, 'Conflict'],
    [429, 'Too Many Requests'],
  ])('gives the typed ProblemDetails body for %i', async (status, title) => {
    const { data, error, response } = await addChatParticipants(client, { path: chat, body: oneContact() }, { headers: prefer({ code: status }) });
    expect(data).toBeUndefined();
    expect(response.status).toBe(status);
    expect(error).toMatchObject({ status, title, traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/) });
  });

  it('names the unknown chat in the 404 and the contact in the 409', async () => {
    const notFound = await addChatParticipants(client, { path: chat, body: oneContact() }, { headers: prefer({ code: 404, example: 'unknownChat' }) });
    expect(notFound.error?.detail).toBe('Chat CHT-0000-0000-0000 was not found.');
    const conflict = await addChatParticipants(client, { path: chat, body: oneContact() }, { headers: prefer({ code: 409 }) });
    expect(conflict.error?.detail).toContain('CTT-0002-7415');
  });

  it.each([
    ['an object instead of an array', { contact: { id: 'CTT-0002-7415' } }, { body: ['must be array'] }],
    ['an empty array', [], { body: ['must NOT have fewer than 1 items'] }],
    ['an item without its contact', [{ account: { id: 'ACC-1234-5678' } }], { '[0].contact': ['is required'] }],
    ['a contact without its id', [{ contact: {} }], { '[0].contact.id': ['is required'] }],
  ])('is refused by the mock for %s, in a ProblemDetails naming the violation', async (_, bad, errors) => {
    const { data, error, response } = await addChatParticipants(client, { path: chat, body: bad as unknown as AddChatParticipantsBody });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.errors).toEqual(errors);
  });

  it('throws a ParleyError for a refused body', async () => {
    const error = await addChatParticipants.orThrow(client, { path: chat, body: oneContact() }, { headers: prefer({ code: 400 }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_input', operationId: 'addChatParticipants', status: 400 });
  });
});

describe('removeChatParticipant (DELETE)', () => {
  it('answers 204 with no body, read as undefined data', async () => {
    const { data, error, response } = await removeChatParticipant(client, { path: participant });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
    await expect(removeChatParticipant.orThrow(client, { path: participant })).resolves.toBeUndefined();
  });

  it('gives 400, not 404, for an unknown participant (named example unknownParticipant)', async () => {
    const { error, response } = await removeChatParticipant(
      client, { path: { ...participant, id: 'CHP-0000-0000-0000' } },
      { headers: prefer({ code: 400, example: 'unknownParticipant' }) },
    );
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ status: 400, title: 'Bad Request', detail: 'Chat participant CHP-0000-0000-0000 was not found.' });
  });

  it.each([
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
    [429, 'Too Many Requests'],
  ])('gives the typed ProblemDetails body for %i', async (status, title) => {
    const { data, error, response } = await removeChatParticipant(client, { path: participant }, { headers: prefer({ code: status }) });
    expect(data).toBeUndefined();
    expect(response.status).toBe(status);
    expect(error).toMatchObject({ status, title });
  });

  it('throws not_found for an unknown chat', async () => {
    const error = await removeChatParticipant.orThrow(client, { path: participant }, { headers: prefer({ code: 404 }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'not_found', operationId: 'removeChatParticipant', status: 404 });
  });
});
