// How the front calls a vendor's state (the contract in src/state/types.ts), with a stub state
// behind real Prism: only requests Prism accepted reach it, routed and parsed; what it answers
// replaces Prism's example; a forced answer (`Prefer`) stays Prism's. Then the real state modules
// end to end: a change is read back, and `stateful: false` keeps Prism's examples.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specPath, startMocks, startPrism, type PrismServer, type StateAnswer, type ValidRequest } from '../dist/index.js';
import { NEXUDUS, send, SWO } from './front-support.js';

/** A state that records what it is asked and answers what the test sets. */
function stubState() {
  const stub = {
    seen: [] as ValidRequest[],
    resets: 0,
    specSeen: undefined as Record<string, unknown> | undefined,
    next: undefined as StateAnswer | undefined | (() => never),
    factory: (spec: Record<string, unknown>) => {
      stub.specSeen = spec;
      return {
        answer: (request: ValidRequest) => {
          stub.seen.push(request);
          return typeof stub.next === 'function' ? stub.next() : stub.next;
        },
        reset: () => void stub.resets++,
      };
    },
  };
  return stub;
}

describe('the front and a state', () => {
  const stub = stubState();
  let prism: PrismServer;
  beforeAll(async () => {
    prism = await startPrism({ spec: specPath('softwareone'), state: stub.factory });
  });
  afterAll(() => prism?.stop());

  it('gets the parsed spec once, and each valid request routed, decoded and parsed', async () => {
    expect(stub.specSeen).toMatchObject({ openapi: expect.any(String), paths: expect.any(Object) });
    stub.seen.length = 0;
    stub.next = undefined;
    await send(prism.url, 'PUT', '/public/v1/helpdesk/chats/CHT%201/participants/CPT-2?x=1&x=2', { ...SWO.headers, 'X-Qa': 'y' }, { muted: true });
    expect(stub.seen).toHaveLength(1);
    const [request] = stub.seen;
    expect(request).toMatchObject({ operationId: 'updateChatParticipant', method: 'PUT', path: { chatId: 'CHT 1', id: 'CPT-2' }, body: { muted: true } });
    expect(request!.query.getAll('x')).toEqual(['1', '2']);
    expect(request!.headers['x-qa']).toBe('y');
  });

  it("never sees a request Prism refused, or one that did not reach Prism", async () => {
    stub.seen.length = 0;
    await send(prism.url, 'PUT', SWO.participant, SWO.headers, { muted: 'yes' });
    await send(prism.url, 'GET', SWO.participant, {}); // no credentials: Prism's 401
    await send(prism.url, 'GET', SWO.participant, { ...SWO.headers, 'Parley-Fault': 'throttle' });
    expect(stub.seen).toEqual([]);
  });

  it("answers in Prism's place: its status and body, the spec's content type, Prism's other headers", async () => {
    stub.next = { status: 404, body: { title: 'Not Found', status: 404 }, headers: { 'x-state': 'yes' } };
    const response = await send(prism.url, 'GET', SWO.participant, { ...SWO.headers, Origin: 'http://qa.test' });
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ title: 'Not Found', status: 404 });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-state')).toBe('yes');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://qa.test');
    expect(prism.journal().at(-1)).toMatchObject({ status: 404, fromState: true });
  });

  it('answers a 204 without a body', async () => {
    stub.next = { status: 204 };
    const response = await send(prism.url, 'DELETE', SWO.participant, SWO.headers);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });

  it("leaves Prism's answer when it answers nothing", async () => {
    stub.next = undefined;
    const response = await send(prism.url, 'GET', SWO.participant, SWO.headers);
    expect(response.status).toBe(200);
    expect(response.json().id).toBe('CPT-5104-3382-7716');
  });

  it.each(['code=200', 'example=muted', 'dynamic=true'])('is not asked when Prefer: %s forces the answer', async (prefer) => {
    stub.seen.length = 0;
    stub.next = { status: 500, body: {} };
    const response = await send(prism.url, 'GET', SWO.participant, { ...SWO.headers, Prefer: prefer });
    expect(response.status).toBe(200);
    expect(stub.seen).toEqual([]);
  });

  it('is reset by reset() and POST /__parley/reset', async () => {
    const before = stub.resets;
    expect(prism.reset()).toBe(true);
    await send(prism.url, 'POST', '/__parley/reset');
    expect(stub.resets).toBe(before + 2);
  });

  it('a state that throws gets a clear mock error, not a vendor answer', async () => {
    stub.next = () => {
      throw new Error('boom');
    };
    const response = await send(prism.url, 'GET', SWO.participant, SWO.headers);
    expect(response.status).toBe(500);
    expect(response.headers.get('parley-mock-error')).toBe('true');
    expect(response.json().detail).toBe('boom');
  });
});

describe('stateful: false', () => {
  it('never builds a state: Prism answers from the examples', async () => {
    const stub = stubState();
    const prism = await startPrism({ spec: specPath('softwareone'), state: stub.factory, stateful: false });
    try {
      await send(prism.url, 'GET', SWO.participant, SWO.headers);
      expect(stub.specSeen).toBeUndefined();
      expect(prism.reset()).toBe(false);
    } finally {
      await prism.stop();
    }
  });
});

describe("the vendors' own state, end to end", () => {
  let stateful: Awaited<ReturnType<typeof startMocks>>;
  let stateless: Awaited<ReturnType<typeof startMocks>>;
  beforeAll(async () => {
    [stateful, stateless] = await Promise.all([startMocks({ vendors: ['nexudus'] }), startMocks({ vendors: ['nexudus'], stateful: false })]);
  });
  afterAll(() => Promise.all([stateful?.stop(), stateless?.stop()]));

  it('reads back a change when stateful, and not when stateless', async () => {
    const change = { ...NEXUDUS.update, AddedUsers: [555] };
    for (const mocks of [stateful, stateless]) expect((await send(mocks.urls.nexudus, 'PUT', NEXUDUS.rooms, NEXUDUS.headers, change)).status).toBe(200);
    const users = async (mocks: typeof stateful) => (await send(mocks.urls.nexudus, 'GET', NEXUDUS.room, NEXUDUS.headers)).json().Users as number[];
    expect(await users(stateful)).toContain(555);
    expect(await users(stateless)).not.toContain(555);
  });

  it('echoes the id asked for, or answers the spec 404 for one it does not have', async () => {
    const unknown = await send(stateful.urls.nexudus, 'GET', `${NEXUDUS.rooms}/1`, NEXUDUS.headers);
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ WasSuccessful: false });
    const created = await send(stateful.urls.nexudus, 'POST', NEXUDUS.rooms, NEXUDUS.headers, { BusinessId: 12345678, Name: 'QA room' });
    const id = created.json().Value.Id as number;
    const read = await send(stateful.urls.nexudus, 'GET', `${NEXUDUS.rooms}/${id}`, NEXUDUS.headers);
    expect(read.json()).toMatchObject({ Id: id, Name: 'QA room' });
  });
});
