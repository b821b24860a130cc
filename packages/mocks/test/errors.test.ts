// Honest errors, over HTTP against Prism: a request that breaks the spec gets the vendor's own
// error shape naming the real violation, not the spec's first canned example; a `Prefer` for a
// response the operation does not document gets a mock error that says so, not a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { honestError } from '../dist/errors.js';
import { startMocks, type Mocks } from '../dist/index.js';
import type { OperationModel } from '../dist/operations.js';
import { BIRD, NEXUDUS, send, SWO } from './front-support.js';

let mocks: Mocks;
beforeAll(async () => {
  mocks = await startMocks();
});
afterAll(() => mocks?.stop());
const url = (vendor: 'softwareone' | 'bird' | 'nexudus') => mocks.urls[vendor];

describe('a request that breaks the spec', () => {
  it('SoftwareOne: ProblemDetails naming the field and the rule, with the spec status', async () => {
    const response = await send(url('softwareone'), 'PUT', SWO.participant, SWO.headers, { muted: 'yes' });
    expect(response.status).toBe(400);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['detail', 'errors', 'status', 'title', 'traceId', 'type']);
    expect(body).toMatchObject({ title: 'Bad Request', status: 400, errors: { muted: ['must be boolean'] } });
    expect(response.text).not.toContain('direct chat'); // the canned example's message is gone
    expect(response.headers.get('sl-violations')).toContain('muted'); // Prism's header stays
  });

  it('SoftwareOne: a query parameter out of bounds is named too', async () => {
    const response = await send(url('softwareone'), 'GET', `${SWO.participants}?limit=-1`, SWO.headers);
    expect(response.status).toBe(400);
    expect(response.json().errors).toEqual({ limit: ['must be >= 0'] });
  });

  it.each([
    ['an empty body', {}, 'body', /fewer than 1 propert/],
    ['an unknown status', { status: 'x' }, 'status', /allowed values: pending, invited, active/],
  ])('Bird: %s gets {code, message, details} naming it', async (_, body, field, message) => {
    const response = await send(url('bird'), 'PATCH', BIRD.participant, BIRD.headers, body);
    expect(response.status).toBe(422);
    const error = response.json();
    expect(error).toEqual({ code: 'ValidationFailed', message: expect.stringContaining(`${field}: `), details: { [field]: expect.stringMatching(message) } });
  });

  it("Bird: Prism's own 422 (the operation documents no validation error) is in Bird's shape too", async () => {
    const response = await send(url('bird'), 'GET', '/workspaces/not-a-uuid/conversations/x/participants/y', BIRD.headers);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ code: 'ValidationFailed', details: { workspaceId: 'must match format "uuid"', conversationId: 'must match format "uuid"' } });
  });

  it('Nexudus: the envelope names an extra field, with the value sent', async () => {
    const response = await send(url('nexudus'), 'PUT', NEXUDUS.rooms, NEXUDUS.headers, { ...NEXUDUS.update, Colour: 'blue' });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({
      Message: 'Colour: is not a property the spec allows here',
      Value: null,
      Errors: [{ AttemptedValue: 'blue', Message: 'is not a property the spec allows here', PropertyName: 'Colour' }],
      WasSuccessful: false,
    });
  });

  it('Nexudus: a missing required field and a wrong type, each with its own entry', async () => {
    const response = await send(url('nexudus'), 'PUT', NEXUDUS.rooms, NEXUDUS.headers, { BusinessId: 1, Name: 7 });
    expect(response.status).toBe(400);
    expect(response.json().Errors).toEqual([
      { AttemptedValue: null, Message: 'is required', PropertyName: 'Id' },
      { AttemptedValue: 7, Message: expect.stringMatching(/^must be string/), PropertyName: 'Name' },
    ]);
  });

  it('is journaled as invalid, with the violations', async () => {
    mocks.clearJournal('bird');
    await send(url('bird'), 'PATCH', BIRD.participant, BIRD.headers, { status: 'x' });
    expect(mocks.journal('bird')).toMatchObject([{ valid: false, status: 422, violations: [{ location: ['request', 'body', 'status'], code: 'enum' }] }]);
  });
});

describe('a Prefer the operation does not document', () => {
  it.each([
    ['softwareone', SWO.participant, SWO.headers, 'getChatParticipant', '200, 401, 403, 404, 429'],
    ['nexudus', NEXUDUS.room, NEXUDUS.headers, 'getChatRoom', '200, 401, 404, 409'],
  ] as const)('%s: code=418 gets a clear mock error, not a 404', async (vendor, path, headers, operationId, documented) => {
    const response = await send(url(vendor), 'GET', path, { ...headers, Prefer: 'code=418' });
    expect(response.status).toBe(400);
    expect(response.headers.get('parley-mock-error')).toBe('true');
    expect(response.json().detail).toBe(`the mock: ${operationId} documents no response 418; it documents ${documented}`);
  });

  it('example=<unknown name> names the examples there are', async () => {
    const response = await send(url('softwareone'), 'GET', SWO.participant, { ...SWO.headers, Prefer: 'example=nope' });
    expect(response.status).toBe(400);
    expect(response.headers.get('parley-mock-error')).toBe('true');
    expect(response.json()).toMatchObject({ detail: expect.stringContaining('documents no example "nope"'), documented: ['active', 'muted'] });
  });

  it('a documented code or example is answered as the spec says', async () => {
    const notFound = await send(url('softwareone'), 'GET', SWO.participant, { ...SWO.headers, Prefer: 'code=404' });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('parley-mock-error')).toBeNull();
    expect(notFound.json().title).toBe('Not Found');
    const muted = await send(url('softwareone'), 'GET', SWO.participant, { ...SWO.headers, Prefer: 'example=muted' });
    expect(muted.status).toBe(200);
    expect(muted.json().muted).toBe(true);
  });
});

describe('honestError', () => {
  const operation = (responses: OperationModel['responses']): OperationModel => ({ operationId: 'op', method: 'GET', path: '/x', schemes: [], responses });
  const field = { field: 'limit', message: 'must be >= 1', rule: 'minimum', in: 'query', value: '0' };

  it("titles a problem by the status it answers when the template is another status's", () => {
    const notFound = { code: '404', mediaType: 'application/problem+json', examples: ['x'], example: { type: 'https://example.test/404', title: 'Not Found', status: 404 }, headers: [] };
    expect(honestError(422, [field], operation([notFound]), [])).toEqual({
      mediaType: 'application/problem+json',
      body: { type: 'about:blank', title: 'Unprocessable Entity', status: 422, detail: 'One or more validation errors occurred.', errors: { limit: ['must be >= 1'] } },
    });
  });

  it('leaves the answer to Prism when the spec shows no JSON error to follow', () => {
    expect(honestError(400, [field], operation([{ code: '400', examples: [], headers: [] }]), [])).toBeUndefined();
  });
});
