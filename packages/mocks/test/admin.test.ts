// The mock's own endpoints under /__parley/ on each vendor's port, answered by the front as JSON:
// reset, journal, faults, operations; mistakes get a clear mock error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type Mocks } from '../dist/index.js';
import { NEXUDUS, send, SWO } from './front-support.js';

let mocks: Mocks;
beforeAll(async () => {
  mocks = await startMocks({ vendors: ['softwareone', 'nexudus'] });
});
afterAll(() => mocks?.stop());
const url = (vendor: 'softwareone' | 'nexudus') => mocks.urls[vendor]!;

describe('admin endpoints', () => {
  it('POST /__parley/reset brings the state back to the examples', async () => {
    await send(url('softwareone'), 'PUT', SWO.participant, SWO.headers, { muted: true });
    expect((await send(url('softwareone'), 'GET', SWO.participant, SWO.headers)).json().muted).toBe(true);
    const reset = await send(url('softwareone'), 'POST', '/__parley/reset');
    expect(reset.status).toBe(204);
    expect((await send(url('softwareone'), 'GET', SWO.participant, SWO.headers)).json().muted).toBe(false);
  });

  it('reset() in code does the same, per vendor', async () => {
    await send(url('nexudus'), 'PUT', NEXUDUS.rooms, NEXUDUS.headers, { ...NEXUDUS.update, Name: 'Renamed' });
    expect((await send(url('nexudus'), 'GET', NEXUDUS.room, NEXUDUS.headers)).json().Name).toBe('Renamed');
    mocks.reset('nexudus');
    expect((await send(url('nexudus'), 'GET', NEXUDUS.room, NEXUDUS.headers)).json().Name).toBe('Front desk');
  });

  it('GET /__parley/operations lists what can be targeted', async () => {
    const response = await send(url('nexudus'), 'GET', '/__parley/operations');
    expect(response.status).toBe(200);
    expect(response.json().operations).toContainEqual({ operationId: 'updateChatRoom', method: 'PUT', path: '/api/support/chatrooms' });
  });

  it('GET /__parley/faults lists the armed faults with the calls left; DELETE disarms them', async () => {
    await send(url('nexudus'), 'POST', '/__parley/faults', {}, { operationId: 'deleteChatRoom', times: 3, fault: 'latency=10,reset' });
    const listed = await send(url('nexudus'), 'GET', '/__parley/faults');
    expect(listed.json()).toEqual({ faults: [{ id: expect.any(Number), operationId: 'deleteChatRoom', remaining: 3, fault: 'latency=10,reset' }] });
    expect((await send(url('nexudus'), 'DELETE', '/__parley/faults')).status).toBe(204);
    expect((await send(url('nexudus'), 'GET', '/__parley/faults')).json()).toEqual({ faults: [] });
  });

  it.each([
    ['an unknown endpoint', 'GET', '/__parley/nothing', undefined, 404, 'no admin endpoint /__parley/nothing'],
    ['a wrong method', 'PUT', '/__parley/journal', undefined, 405, 'PUT /__parley/journal: use GET or DELETE'],
    ['a body that is not JSON', 'POST', '/__parley/faults', 'throttle', 400, 'the body must be JSON'],
    ['an unknown operation', 'POST', '/__parley/faults', { operationId: 'getChat', fault: 'throttle' }, 400, 'unknown operationId "getChat"'],
  ])('answers %s with a mock error listing the endpoints', async (_, method, path, body, status, detail) => {
    const response = await send(url('softwareone'), method, path, {}, body);
    expect(response.status).toBe(status);
    expect(response.headers.get('parley-mock-error')).toBe('true');
    expect(response.json()).toMatchObject({ detail: expect.stringContaining(detail), endpoints: expect.arrayContaining(['POST /__parley/reset']) });
  });

  it('answers a browser like the mock does (CORS) and journals none of it', async () => {
    mocks.clearJournal();
    const response = await fetch(`${url('softwareone')}/__parley/journal`, { headers: { Origin: 'http://qa.test' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://qa.test');
    await send(url('softwareone'), 'POST', '/__parley/reset');
    expect(mocks.journal('softwareone')).toEqual([]);
  });
});
