// Bird's client with `validateResponses` against a loopback Bird whose participant list drifts, in
// both modes (every answer the spec documents passes as Prism serves it: tests/resilience,
// validate-responses.test.ts, for every vendor).
import { isParleyError, type LogEvent } from '@parley/runtime';
import { startFaultServer, type FaultServer } from '@parley/testkit/fault-server';
import { pathExample, responseExample } from '@parley/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBirdClient, listConversationParticipants, type ListConversationParticipantsPath, type Participant } from '../src/index.js';

describe('a Bird whose participant list drifts', () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server.stop());

  const path = pathExample<ListConversationParticipantsPath>('bird', 'listConversationParticipants');
  const page = responseExample<{ results: Participant[] }>('bird', 'listConversationParticipants', 200, 'page');
  // The second participant in a status Bird's documentation does not list.
  const drifted = { ...page, results: [page.results[0], { ...page.results[1], status: 'parley-archived' }] };

  it("'throw' fails with contract at /results/1/status", async () => {
    server.script({ kind: 'reply', status: 200, body: JSON.stringify(drifted) });
    const client = createBirdClient({ accessKey: 'test-access-key', baseUrl: server.url, validateResponses: 'throw' });
    const error = await listConversationParticipants.orThrow(client, { path }).catch((caught: unknown) => caught);
    expect(isParleyError(error, 'contract') && error.violations).toEqual([
      expect.objectContaining({ provider: 'bird', operationId: 'listConversationParticipants', status: 200, in: 'body', path: '/results/1/status', rule: 'enum' }),
    ]);
    expect(server.seen).toHaveLength(1);
  });

  it("'warn' logs the departure and returns the page as it came", async () => {
    server.script({ kind: 'reply', status: 200, body: JSON.stringify(drifted) });
    const events: LogEvent[] = [];
    const client = createBirdClient({ accessKey: 'test-access-key', baseUrl: server.url, validateResponses: 'warn', logger: (event) => events.push(event) });
    await expect(listConversationParticipants.orThrow(client, { path })).resolves.toEqual(drifted);
    expect(events.filter((event) => event.type === 'contract')).toEqual([expect.objectContaining({ path: '/results/1/status', rule: 'enum' })]);
  });
});
