import { inject } from 'vitest';
import { mockCredentials } from '@parley/testkit/credentials';
import { ADAPTERS, createParley, type ParleyConfig, type ProviderCapabilities } from '../src/index.js';

export const urls = inject('prismUrls');
export const WORKSPACE = 'b4e02c85-c6d2-4b15-8885-e09671799c61';
export const CONVERSATION = '67e4d358-ca94-421e-98b7-448860df9d33';

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
