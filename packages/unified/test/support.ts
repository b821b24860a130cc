import { inject } from 'vitest';
import { createParley } from '../src/index.js';

export const urls = inject('prismUrls');
export const WORKSPACE = 'b4e02c85-c6d2-4b15-8885-e09671799c61';
export const CONVERSATION = '67e4d358-ca94-421e-98b7-448860df9d33';

export interface Sent {
  method: string;
  url: string;
  body: unknown;
}

/** A Parley over the three Prism mocks whose clients record every request before sending it. */
export function parleyWithSpy() {
  const sent: Sent[] = [];
  const fetch = async (request: Request) => {
    const text = await request.clone().text();
    sent.push({ method: request.method, url: request.url, body: text ? JSON.parse(text) : undefined });
    return globalThis.fetch(request);
  };
  const parley = createParley({
    softwareone: { token: 'swo-token', baseUrl: urls.softwareone, fetch, retry: false },
    bird: { accessKey: 'bird-key', workspaceId: WORKSPACE, baseUrl: urls.bird, fetch, retry: false },
    nexudus: { token: 'nexudus-token', baseUrl: urls.nexudus, fetch, retry: false },
  });
  return { parley, sent };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
