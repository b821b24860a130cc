// The request journal, over HTTP: every request a mock received, in order, with its credentials
// redacted, its body parsed, its operation, the validation verdict and the answer's status;
// readable and clearable in code and over HTTP; bounded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { specPath, startMocks, startPrism, VENDORS, type Mocks } from '../dist/index.js';
import { BIRD, NEXUDUS, send, SWO } from './front-support.js';

let mocks: Mocks;
beforeAll(async () => {
  mocks = await startMocks();
});
afterAll(() => mocks?.stop());
beforeEach(() => {
  mocks.clearJournal();
  mocks.reset();
});
const url = (vendor: 'softwareone' | 'bird' | 'nexudus') => mocks.urls[vendor]!;

describe('the journal', () => {
  it('records each request in order: method, path, query, redacted headers, parsed body, operation, verdict, status', async () => {
    const nexudus = url('nexudus');
    await send(nexudus, 'GET', `${NEXUDUS.rooms}?page=1&size=2&orderBy=Name&qa=1&qa=2`, { ...NEXUDUS.headers, Cookie: 'session=s3cret' });
    await send(nexudus, 'PUT', NEXUDUS.rooms, { ...NEXUDUS.headers, 'X-Trace': 'qa-1' }, { ...NEXUDUS.update, AddedUsers: [555] });
    await send(nexudus, 'GET', `${NEXUDUS.rooms}/87654321`, {});
    const entries = mocks.journal('nexudus');
    expect(entries).toHaveLength(3);
    const [list, put, unauthorized] = entries;
    expect(list).toMatchObject({
      method: 'GET',
      path: NEXUDUS.rooms,
      query: { page: '1', size: '2', orderBy: 'Name', qa: ['1', '2'] },
      operationId: 'listChatRooms',
      params: {},
      valid: true,
      status: 200,
    });
    expect(list!.headers).toMatchObject({ authorization: 'Bearer <redacted>', cookie: '<redacted>' });
    expect(JSON.stringify(entries)).not.toMatch(/s3cret|Bearer k"/);
    expect(list!.body).toBeUndefined();
    expect(Date.parse(list!.time)).toBeLessThanOrEqual(Date.parse(put!.time));
    expect(put).toMatchObject({ method: 'PUT', operationId: 'updateChatRoom', body: { ...NEXUDUS.update, AddedUsers: [555] }, valid: true, status: 200, fromState: true });
    expect(put!.headers['x-trace']).toBe('qa-1');
    // Prism judged the missing credentials: not valid, with what it found.
    expect(unauthorized).toMatchObject({ operationId: 'getChatRoom', params: { id: '87654321' }, valid: false, status: 401 });
    expect(unauthorized!.violations?.[0]?.code).toBe(401);
    // "The app sent exactly one PUT with AddedUsers: [555]":
    expect(mocks.journal('nexudus', { method: 'put' }).filter((e) => (e.body as { AddedUsers?: number[] }).AddedUsers?.includes(555))).toHaveLength(1);
  });

  it("keeps the scheme of a refused credential, and the front's own refusal's reason", async () => {
    await send(url('bird'), 'GET', BIRD.participant, { Authorization: 'Bearer abc' });
    expect(mocks.journal('bird')).toMatchObject([
      { headers: { authorization: 'Bearer <redacted>' }, valid: false, status: 401, violations: [{ message: "Authorization must be 'AccessKey <credential>'" }] },
    ]);
  });

  it('parses a form body, decodes path parameters and keeps a path the spec does not have', async () => {
    await fetch(`${url('nexudus')}/api/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=a%40b.test&password=pw' });
    await send(url('softwareone'), 'GET', '/public/v1/helpdesk/chats/CHT%204821/participants/CPT%2F1', SWO.headers);
    await send(url('softwareone'), 'GET', '/no/such/path', SWO.headers);
    expect(mocks.journal('nexudus')[0]).toMatchObject({ operationId: 'requestToken', body: { grant_type: 'password', username: 'a@b.test', password: 'pw' } });
    const [decoded, unknown] = mocks.journal('softwareone');
    expect(decoded).toMatchObject({ operationId: 'getChatParticipant', params: { chatId: 'CHT 4821', id: 'CPT/1' } });
    expect(unknown).toMatchObject({ path: '/no/such/path', status: 404, valid: false, violations: [{ message: 'the spec has no operation GET /no/such/path' }] });
    expect(unknown!.operationId).toBeUndefined();
  });

  it('is read and cleared over HTTP, filtered by operation or method; admin requests are not in it', async () => {
    await send(url('softwareone'), 'GET', SWO.participant, SWO.headers);
    await send(url('softwareone'), 'PUT', SWO.participant, SWO.headers, { muted: true });
    const all = await send(url('softwareone'), 'GET', '/__parley/journal');
    expect(all.status).toBe(200);
    expect(all.json().entries.map((e: { operationId: string }) => e.operationId)).toEqual(['getChatParticipant', 'updateChatParticipant']);
    const puts = await send(url('softwareone'), 'GET', '/__parley/journal?operationId=updateChatParticipant');
    expect(puts.json().entries).toMatchObject([{ method: 'PUT', body: { muted: true } }]);
    expect((await send(url('softwareone'), 'GET', '/__parley/journal?method=DELETE')).json().entries).toEqual([]);
    expect((await send(url('softwareone'), 'DELETE', '/__parley/journal')).status).toBe(204);
    expect(mocks.journal('softwareone')).toEqual([]);
  });

  it('gives every vendor its own journal', async () => {
    await send(url('bird'), 'GET', BIRD.participant, BIRD.headers);
    const journals = mocks.journal();
    expect(Object.keys(journals)).toEqual([...VENDORS]); // every registered vendor, in port order
    expect(journals.bird).toHaveLength(1);
    expect(journals.softwareone).toEqual([]);
    expect(() => mocks.journal('no-such-vendor' as 'bird')).toThrow(/no "no-such-vendor" mock here/);
  });
});

describe('a long session', () => {
  it('keeps only the newest entries', async () => {
    const prism = await startPrism({ spec: specPath('softwareone'), journalLimit: 5 });
    try {
      for (let i = 0; i < 8; i++) await send(prism.url, 'GET', `${SWO.participants}?offset=${i}`, SWO.headers);
      expect(prism.journal().map((e) => e.query.offset)).toEqual(['3', '4', '5', '6', '7']);
    } finally {
      await prism.stop();
    }
  });
});
