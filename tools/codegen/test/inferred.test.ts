// The list of inferred facts that `pnpm lint` prints and the docs badge: found wherever the marker
// sits, located for people, and refused when it gives no reason.
import { describe, expect, it } from 'vitest';
import { inferredFacts } from '../inferred.mjs';

const spec = {
  openapi: '3.1.0',
  paths: {
    '/rooms/{id}': {
      put: {
        responses: {
          '200': { content: { 'application/json': { examples: { failed: { 'x-parley-inferred': 'No page shows it.', value: {} } } } } },
          '404': { 'x-parley-inferred': 'The vendor documents no 404.', description: 'Not found' },
        },
      },
    },
  },
  components: { schemas: { Room: { properties: { SystemId: { type: 'string', 'x-parley-inferred': ' Writable is assumed. ' } } } } },
};

describe('inferredFacts', () => {
  it('lists every marked node in document order, located by method, path and keys', () => {
    const { facts, defects } = inferredFacts(spec);
    expect(defects).toEqual([]);
    expect(facts.map(({ where, reason }) => [where, reason])).toEqual([
      ['PUT /rooms/{id} › responses › 200 › content › application/json › examples › failed', 'No page shows it.'],
      ['PUT /rooms/{id} › responses › 404', 'The vendor documents no 404.'],
      ['components › schemas › Room › properties › SystemId', 'Writable is assumed.'],
    ]);
  });

  it.each([true, '', '  ', null, 1])('refuses a marker that gives no reason (%j)', (marker) => {
    const { facts, defects } = inferredFacts({ paths: { '/a': { get: { 'x-parley-inferred': marker } } } });
    expect(facts).toEqual([]);
    expect(defects).toEqual([expect.stringMatching(/^GET \/a: x-parley-inferred must be a sentence saying why/)]);
  });
});
