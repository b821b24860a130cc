// SoftwareOne's client with `validateResponses` against a loopback SoftwareOne whose participants
// drift, in both modes (every answer the spec documents passes as Prism serves it: tests/resilience,
// validate-responses.test.ts, for every vendor).
import { isParleyError, type LogEvent } from '@parley/runtime';
import { startFaultServer, type FaultServer } from '@parley/testkit/fault-server';
import { pathExample, requestExample, responseExample } from '@parley/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSoftwareOneClient, getChatParticipant, updateChatParticipant, type GetChatParticipantPath, type UpdateChatParticipantBody } from '../src/index.js';

describe('a SoftwareOne whose participants drift', () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server.stop());

  const path = pathExample<GetChatParticipantPath>('softwareone', 'getChatParticipant');
  const body = requestExample<UpdateChatParticipantBody>('softwareone', 'updateChatParticipant', 'mute');
  // A status the documentation does not list, and a count sent as text.
  const drifted = { ...responseExample<object>('softwareone', 'updateChatParticipant', 200, 'muted'), status: 'Archived', unreadMessageCount: 'many' };
  const departures = [expect.objectContaining({ path: '/status', rule: 'enum' }), expect.objectContaining({ path: '/unreadMessageCount', rule: 'type' })];

  it("'throw' fails the PUT with contract, naming both departures and the trace id", async () => {
    server.script({ kind: 'reply', status: 200, body: JSON.stringify(drifted), headers: { 'x-request-id': 'trace-7' } });
    const client = createSoftwareOneClient({ token: 'test-token', baseUrl: server.url, validateResponses: 'throw' });
    const error = await updateChatParticipant.orThrow(client, { path, body }).catch((caught: unknown) => caught);
    expect(isParleyError(error, 'contract')).toBe(true);
    expect(error).toMatchObject({ provider: 'softwareone', operationId: 'updateChatParticipant', status: 200, requestId: 'trace-7', violations: departures });
    expect(server.seen).toHaveLength(1);
  });

  it('a drifting error answer is contract too, with the traceId of its body', async () => {
    server.script({ kind: 'reply', status: 404, body: JSON.stringify({ status: 'gone', traceId: '00-abc-01' }) });
    const client = createSoftwareOneClient({ token: 'test-token', baseUrl: server.url, validateResponses: 'throw' });
    await expect(getChatParticipant.orThrow(client, { path })).rejects.toMatchObject({ code: 'contract', status: 404, requestId: '00-abc-01', violations: [expect.objectContaining({ path: '/status', rule: 'type' })] });
  });

  it("'warn' logs both and returns the participant as it came", async () => {
    server.script({ kind: 'reply', status: 200, body: JSON.stringify(drifted) });
    const events: LogEvent[] = [];
    const client = createSoftwareOneClient({ token: 'test-token', baseUrl: server.url, validateResponses: 'warn', logger: (event) => events.push(event) });
    await expect(updateChatParticipant.orThrow(client, { path, body })).resolves.toEqual(drifted);
    expect(events.filter((event) => event.type === 'contract')).toEqual(departures);
  });
});
