// Bird's client against Prism serving specs/bird/openapi.yaml with request validation on.
import { ParleyError } from '@parley/runtime';
import { pathExample, requestExample, requestExamples, responseExamples } from '@parley/testkit/fixtures';
import { prefer } from '@parley/testkit/prefer';
import { describe, expect, inject, it } from 'vitest';
import {
  addConversationParticipant,
  createBirdClient,
  deleteConversationParticipant,
  getConversationParticipant,
  getConversationParticipantByContact,
  listConversationParticipants,
  updateConversationParticipant,
  updateConversationParticipantByContact,
  type AddConversationParticipantBody,
  type GetConversationParticipantByContactPath,
  type GetConversationParticipantPath,
  type ListConversationParticipantsPath,
  type Participant,
} from '../src/index.js';

const baseUrl = inject('prismUrl');
const client = createBirdClient({ accessKey: 'test-access-key', baseUrl, retry: false });
// Ids from the spec's parameter examples.
const conversation = pathExample<ListConversationParticipantsPath>('bird', 'listConversationParticipants');
const participant = pathExample<GetConversationParticipantPath>('bird', 'getConversationParticipant');

describe('updateConversationParticipant (PATCH)', () => {
  it('returns the updated participant', async () => {
    const { data, error, response } = await updateConversationParticipant(client, { path: participant, body: { status: 'active' } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ id: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf', type: 'user', status: 'active' });
    expect(data?.contact?.identifierKey).toBe('emailaddress');
  });

  it('returns a named example on request', async () => {
    const { data } = await updateConversationParticipant(
      client, { path: participant, body: { status: 'invited' } },
      { headers: prefer({ example: 'invitedContact' }) },
    );
    expect(data).toMatchObject({ type: 'contact', status: 'invited', contact: { identifierKey: 'phonenumber' } });
  });

  it('accepts a null status, which the spec allows', async () => {
    const { response } = await updateConversationParticipant(client, { path: participant, body: { status: null } });
    expect(response.status).toBe(200);
  });

  it.each([
    [404, 'ResourceNotFound'],
    [409, 'ConflictingState'],
    [422, 'ValidationFailed'],
    [429, 'TooManyRequests'],
  ])('gives the typed Bird error body for %i', async (status, code) => {
    const { data, error, response } = await updateConversationParticipant(
      client, { path: participant, body: { status: 'active' } },
      { headers: prefer({ code: status }) },
    );
    expect(data).toBeUndefined();
    expect(response.status).toBe(status);
    expect(error).toEqual(expect.objectContaining({ code, message: expect.any(String) }));
  });

  it('is rejected by the mock when the body breaks the spec', async () => {
    const bad = { status: 'inactive' } as unknown as { status: 'active' };
    const { error, response } = await updateConversationParticipant(client, { path: participant, body: bad });
    expect(response.status).toBe(422);
    expect(error?.code).toBe('ValidationFailed');
  });

  it('is rejected by the mock when a path id is not a uuid', async () => {
    const path = { ...participant, workspaceId: 'not-a-uuid' };
    const { response } = await updateConversationParticipant(client, { path, body: { status: 'active' } });
    expect(response.status).toBe(422);
  });

  it('reports a wrong access key as the 401 body', async () => {
    const { error, response } = await updateConversationParticipant(
      client, { path: participant, body: { status: 'active' } },
      { headers: prefer({ code: 401 }) },
    );
    expect(response.status).toBe(401);
    expect(error?.code).toBe('Unauthorized');
  });
});

describe('getConversationParticipant (GET)', () => {
  it('returns the participant', async () => {
    const { data, response } = await getConversationParticipant(client, { path: participant });
    expect(response.status).toBe(200);
    expect(data?.id).toBe('cb22b001-6226-4d7c-acdd-7414b2bcdbaf');
    expect(data?.displayName).toBe('John Doe');
  });

  it.each([
    [401, 'Unauthorized'],
    [404, 'ResourceNotFound'],
    [429, 'TooManyRequests'],
  ])('gives the typed Bird error body for %i', async (status, code) => {
    const { error, response } = await getConversationParticipant(client, { path: participant }, { headers: prefer({ code: status }) });
    expect(response.status).toBe(status);
    expect(error?.code).toBe(code);
  });
});

describe('listConversationParticipants (GET)', () => {
  it('returns a page with its next page token', async () => {
    const { data, response } = await listConversationParticipants(client, { path: conversation, query: { limit: 2, reverse: true } });
    expect(response.status).toBe(200);
    expect(data?.results?.map((p) => p.type)).toEqual(['contact', 'accessKey']);
    expect(data?.nextPageToken).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(data?.total).toBe(2);
  });

  it('sends the page token back', async () => {
    const { response } = await listConversationParticipants(client, { path: conversation, query: { pageToken: 'WyIyMDI0Il0=' } });
    expect(new URL(response.url).searchParams.get('pageToken')).toBe('WyIyMDI0Il0=');
  });

  it('is rejected by the mock when limit is out of range', async () => {
    const { response } = await listConversationParticipants(client, { path: conversation, query: { limit: 101 } });
    expect(response.status).toBe(422);
  });

  it.each([
    [401, 'Unauthorized'],
    [404, 'ResourceNotFound'],
    [429, 'TooManyRequests'],
  ])('gives the typed Bird error body for %i', async (status, code) => {
    const { error, response } = await listConversationParticipants(client, { path: conversation }, { headers: prefer({ code: status }) });
    expect(response.status).toBe(status);
    expect(error?.code).toBe(code);
  });
});

describe('credentials', () => {
  it('sends Authorization: AccessKey <key>', async () => {
    let sent: string | null = null;
    const spy = createBirdClient({
      accessKey: 'spy-key',
      baseUrl,
      fetch: async (request: Request) => {
        sent = request.headers.get('authorization');
        return fetch(request);
      },
    });
    await getConversationParticipant(spy, { path: participant });
    expect(sent).toBe('AccessKey spy-key');
  });

  it('refuses a missing access key before any request', () => {
    expect(() => createBirdClient({ accessKey: '', baseUrl })).toThrow(ParleyError);
    expect(() => createBirdClient({ accessKey: '  ', baseUrl })).toThrow(/accessKey/);
  });

  it('is answered 401 by the mock without an Authorization header', async () => {
    const url = `${baseUrl}/workspaces/${participant.workspaceId}/conversations/${participant.conversationId}/participants/x`;
    const response = await fetch(url);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'Unauthorized' });
  });
});

describe('throwing style (orThrow)', () => {
  it('returns the participant', async () => {
    const data = await updateConversationParticipant.orThrow(client, { path: participant, body: { status: 'active' } });
    expect(data.status).toBe('active');
  });

  it('throws a ParleyError carrying the Bird error body', async () => {
    const error = await getConversationParticipant
      .orThrow(client, { path: participant }, { headers: prefer({ code: 404 }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({
      code: 'not_found',
      provider: 'bird',
      operationId: 'getConversationParticipant',
      status: 404,
      attempts: 1,
      body: { code: 'ResourceNotFound', message: 'The requested resource does not exist' },
    });
    expect((error as Error).message).toBe(
      'bird getConversationParticipant: HTTP 404: ResourceNotFound: The requested resource does not exist (1 attempt)',
    );
  });
});

describe('a contact participant named by its channel identifier', () => {
  const byContact = pathExample<GetConversationParticipantByContactPath>('bird', 'getConversationParticipantByContact');

  it('is read by identifier key and value', async () => {
    const participant = await getConversationParticipantByContact.orThrow(client, { path: byContact });
    expect(participant.contact).toMatchObject({ identifierKey: byContact.identifierKey, identifierValue: byContact.identifierValue });
  });

  it('is updated the same way, with the body of the update by ID', async () => {
    const { data, response } = await updateConversationParticipantByContact(client, { path: byContact, body: { status: 'active' } });
    expect(response.status).toBe(200);
    expect(data?.type).toBe('contact');
  });

  it('keeps an identifier value with + or @ inside its own path segment', async () => {
    const seen: string[] = [];
    const spy = createBirdClient({ accessKey: 'k', baseUrl, retry: false, fetch: (request, init) => (seen.push(request.url), fetch(request, init)) });
    await getConversationParticipantByContact(spy, { path: { ...byContact, identifierKey: 'emailaddress', identifierValue: 'john.doe+qa@bird.com' } });
    expect(seen[0]).toMatch(/\/participants\/emailaddress\/john\.doe%2Bqa%40bird\.com$/);
  });
});

describe('addConversationParticipant (POST)', () => {
  const byIdentifier = requestExample<AddConversationParticipantBody>('bird', 'addConversationParticipant', 'contactByIdentifier');

  it('answers 200 with the participant already in the conversation', async () => {
    const { data, error, response } = await addConversationParticipant(client, { path: conversation, body: byIdentifier });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(responseExamples('bird', 'addConversationParticipant', 200)['existingUser']);
  });

  it('answers 201 with the participant it added', async () => {
    const { data, response } = await addConversationParticipant(client, { path: conversation, body: byIdentifier }, { headers: prefer({ code: 201 }) });
    expect(response.status).toBe(201);
    expect(data).toMatchObject({ id: '3954d22c-96f7-4bc3-817b-67b4d903ed90', type: 'contact', status: 'active' });
    expect(data?.contact).toMatchObject({ identifierKey: 'emailaddress', platformAddress: expect.any(String) });
  });

  it('gives the named example on request, for either status', async () => {
    const added = await addConversationParticipant.orThrow(client, { path: conversation, body: byIdentifier }, { headers: prefer({ code: 201, example: 'addedContact' }) });
    expect(added.displayName).toBe('');
    const existing = await addConversationParticipant.orThrow(client, { path: conversation, body: byIdentifier }, { headers: prefer({ code: 200, example: 'existingUser' }) });
    expect(existing.type).toBe('user');
  });

  // A user or flow by ID, a contact by ID, a contact by identifier: every form the body takes.
  it.each(Object.entries(requestExamples('bird', 'addConversationParticipant')))('accepts the %s form of the body', async (_, body) => {
    const { error, response } = await addConversationParticipant(client, { path: conversation, body: body as AddConversationParticipantBody });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
  });

  it.each([
    [401, 'Unauthorized'],
    [404, 'ResourceNotFound'],
    [409, 'ResourceAlreadyExists'],
    [422, 'ValidationFailed'],
    [429, 'TooManyRequests'],
  ])('gives the typed Bird error body for %i', async (status, code) => {
    const { data, error, response } = await addConversationParticipant(client, { path: conversation, body: byIdentifier }, { headers: prefer({ code: status }) });
    expect(data).toBeUndefined();
    expect(response.status).toBe(status);
    expect(error).toEqual(expect.objectContaining({ code, message: expect.any(String) }));
  });

  it.each([
    ['a contact without its identifier value', { type: 'contact', contact: { identifierKey: 'emailaddress' } }],
    ['a participant type that cannot be added', { id: 'bot-1', type: 'bot' }],
    ['a field no form of the body has', { type: 'contact', contact: { identifierKey: 'emailaddress', identifierValue: 'a@b.c' }, role: 'x' }],
  ])('is rejected by the mock for %s', async (_, body) => {
    const { error, response } = await addConversationParticipant(client, { path: conversation, body: body as unknown as AddConversationParticipantBody });
    expect(response.status).toBe(422);
    expect(error?.code).toBe('ValidationFailed');
  });

  it('is never retried, being a POST, and throws the Bird error body', async () => {
    const retrying = createBirdClient({ accessKey: 'k', baseUrl, retry: { maxRetries: 2, baseDelayMs: 1 } });
    const error = await addConversationParticipant
      .orThrow(retrying, { path: conversation, body: byIdentifier }, { headers: prefer({ code: 429 }) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, attempts: 1, body: { code: 'TooManyRequests' } });
  });
});

describe('deleteConversationParticipant (DELETE)', () => {
  it('answers 204 without a body', async () => {
    const { data, error, response } = await deleteConversationParticipant(client, { path: participant });
    expect(error).toBeUndefined();
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    await expect(deleteConversationParticipant.orThrow(client, { path: participant })).resolves.toBeUndefined();
  });

  it.each([
    [401, 'Unauthorized'],
    [403, 'DeletionNotAllowed'],
    [404, 'ResourceNotFound'],
    [429, 'TooManyRequests'],
  ])('gives the typed Bird error body for %i', async (status, code) => {
    const { error, response } = await deleteConversationParticipant(client, { path: participant }, { headers: prefer({ code: status }) });
    expect(response.status).toBe(status);
    expect(error?.code).toBe(code);
  });

  it('reports a participant that may not be removed as forbidden, with the named example', async () => {
    const error = await deleteConversationParticipant
      .orThrow(client, { path: participant }, { headers: prefer({ code: 403, example: 'notAllowed' }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'forbidden', status: 403, body: responseExamples('bird', 'deleteConversationParticipant', 403)['notAllowed'] });
  });
});

// Prism's dynamic mode generates bodies from the schemas; the mock runs with `errors` on, so a
// generated body that broke the spec would come back as an error, not as a 200.
describe('dynamic data (Prefer: dynamic=true)', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const TYPES = ['user', 'contact', 'agent', 'flow', 'bot', 'accessKey', 'channel', 'connector', 'collaborationAutomation'];
  const realistic = (p: Participant) => {
    expect(p.id.length).toBeGreaterThan(0);
    expect(TYPES).toContain(p.type);
    if (p.conversationId !== undefined) expect(p.conversationId).toMatch(UUID);
    for (const date of [p.createdAt, p.updatedAt]) if (date !== undefined) expect(Number.isNaN(Date.parse(date))).toBe(false);
  };

  it('generates a small page that follows the spec', async () => {
    for (let i = 0; i < 5; i++) {
      const { data, response } = await listConversationParticipants(client, { path: conversation }, { headers: prefer({ dynamic: true }) });
      expect(response.status).toBe(200);
      expect(response.headers.get('sl-violations')).toBeNull();
      expect(data?.results?.length ?? 0).toBeLessThanOrEqual(3); // the spec's x-json-schema-faker maxItems
      expect(Number.isInteger(data?.total ?? 0) && (data?.total ?? 0) >= 0).toBe(true);
      expect(JSON.stringify(data).length).toBeLessThan(4_000);
      data?.results?.forEach(realistic);
    }
  });

  it('generates a participant that follows the spec', async () => {
    const { data, response } = await getConversationParticipant(client, { path: participant }, { headers: prefer({ dynamic: true }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
    realistic(data!);
    expect(data).not.toEqual(responseExamples('bird', 'getConversationParticipant', 200)['user']);
    expect(JSON.stringify(data).length).toBeLessThan(1_000);
  });
});

describe('the mock refuses what Bird would', () => {
  const url = `${baseUrl}/workspaces/${participant.workspaceId}/conversations/${participant.conversationId}/participants/${participant.conversationParticipantId}`;
  const unauthorized = responseExamples('bird', 'getConversationParticipant', 401)['unauthorized'];

  it.each([
    ['a Bearer token (the GitBook HTTP sample)', { Authorization: 'Bearer JWT' }],
    ['no Authorization header', {}],
    ['the scheme without a key', { Authorization: 'AccessKey ' }],
  ])('answers the spec 401 to %s', async (_, headers) => {
    const response = await fetch(url, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(unauthorized);
  });

  it('lets an access key through', async () => {
    const response = await fetch(url, { headers: { Authorization: 'AccessKey k' } });
    expect(response.status).toBe(200);
  });
});
