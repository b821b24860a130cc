import { inject } from 'vitest';
import { mockCredentials } from '@parley/testkit/credentials';
import { pathExample } from '@parley/testkit/fixtures';
import { ADAPTERS, createParley, type ParleyConfig, type ProviderCapabilities } from '../src/index.js';

export const urls = inject('prismUrls');
// Bird's workspace and conversation of the spec's examples, for the tests that name them.
export const { workspaceId: WORKSPACE, conversationId: CONVERSATION } = pathExample<{ workspaceId: string; conversationId: string }>(
  'bird',
  'listConversationParticipants',
);

export interface Sent {
  method: string;
  url: string;
  body: unknown;
}

/** A Parley over every registered vendor's mock, whose clients record every request before sending it. */
export function parleyWithSpy() {
  const sent: Sent[] = [];
  const fetch = async (request: Request) => {
    const text = await request.clone().text();
    sent.push({ method: request.method, url: request.url, body: text ? JSON.parse(text) : undefined });
    return globalThis.fetch(request);
  };
  // Each provider with credentials of the form its spec takes, and its capability example's scope
  // (Bird's workspace) as the configured default.
  const config = Object.fromEntries(
    ADAPTERS.map(({ provider, capabilities }) => {
      const { example }: ProviderCapabilities = capabilities;
      return [provider, { ...mockCredentials(provider), ...example.scope, baseUrl: urls[provider], fetch, retry: false }];
    }),
  );
  const parley = createParley(config as ParleyConfig);
  return { parley, sent };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
