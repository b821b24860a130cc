// The mocks' dynamic mode (`Prefer: dynamic=true`) generates every answer from the schemas: random
// ids, counts and page tokens. The schemas' bounds must keep that data realistic enough that the
// unified list, which follows the vendors' paging, still ends.
import { describe, expect, it } from 'vitest';
import { ADAPTERS, PARTICIPANT_STATUSES, type ProviderCapabilities } from '../src/index.js';
import { parleyWithSpy } from './support.js';

const dynamic = { headers: { Prefer: 'dynamic=true' } };

describe.each(ADAPTERS.map((adapter) => [adapter.provider, adapter] as const))('%s over dynamic data', (provider, adapter) => {
  it('lists a chat to its end, each participant normalized', async () => {
    const { parley, sent } = parleyWithSpy();
    const { chatId, scope }: ProviderCapabilities['example'] = adapter.capabilities.example;
    const seen: unknown[] = [];
    for await (const participant of parley.participants.list({ provider, chatId, ...scope } as never, dynamic)) {
      seen.push(participant);
      if (seen.length > 5_000) throw new Error(`${provider}: the list did not end after ${sent.length} pages`);
    }
    for (const participant of seen) {
      expect(participant).toMatchObject({ provider, id: expect.any(String), chatId: expect.any(String) });
      expect([...PARTICIPANT_STATUSES, 'unknown']).toContain((participant as { status: string }).status);
    }
    expect(sent.length).toBeLessThan(60); // pages fetched: the paging numbers agree with each other
  });
});
