import { fileURLToPath } from 'node:url';
import { startPrism } from '@parley/mocks';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrls: Record<'softwareone' | 'bird' | 'nexudus', string>;
  }
}

const spec = (vendor: string) => fileURLToPath(new URL(`../../../specs/${vendor}/openapi.yaml`, import.meta.url));

export default async function setup(project: TestProject) {
  const [softwareone, bird, nexudus] = await Promise.all(['softwareone', 'bird', 'nexudus'].map((v) => startPrism({ spec: spec(v) })));
  project.provide('prismUrls', { softwareone: softwareone!.url, bird: bird!.url, nexudus: nexudus!.url });
  return () => Promise.all([softwareone, bird, nexudus].map((server) => server!.stop()));
}
