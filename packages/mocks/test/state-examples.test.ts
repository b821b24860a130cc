// Every request example a spec carries, sent in the spec's order to one state (as
// request-examples.test.ts sends them to one stateful mock), is answered with a documented
// success, or left to Prism: the examples stay valid requests against the state they build.
import { describe, expect, it } from 'vitest';
import { stateFor } from '../src/state/index.js';
import { isObject, parameterExample, resolve, type Obj } from '../src/state/spec.js';
import { VENDORS } from '../src/vendors.js';
import { loadSpec, newState, responseChecker } from './state-support.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function exampleRequests(spec: Obj) {
  return Object.entries(spec.paths as Record<string, Obj>).flatMap(([template, item]) =>
    METHODS.filter((method) => isObject(item[method])).flatMap((method) => {
      const operation = item[method] as Obj;
      const operationId = String(operation.operationId);
      const path = Object.fromEntries([...template.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name!, String(parameterExample(spec, operationId, name!))]));
      const content = (resolve(spec, operation.requestBody) as Obj | undefined)?.content as Record<string, Obj> | undefined;
      return Object.values(content ?? {}).flatMap((media) =>
        Object.entries((media.examples ?? {}) as Record<string, unknown>).map(([name, example]) => ({
          label: `${operationId} ${name}`,
          request: { operationId, method: method.toUpperCase(), path, query: new URLSearchParams(), headers: {}, body: (resolve(spec, example) as Obj).value },
        })),
      );
    }),
  );
}

// A vendor without a state module (one `pnpm new-vendor` just added) is pure Prism: nothing to check.
const stateful = VENDORS.filter((vendor) => stateFor(vendor, loadSpec(vendor)) !== undefined);

describe.each(stateful)('%s request examples against its state', (vendor) => {
  it('are answered with a documented success', () => {
    const spec = loadSpec(vendor);
    const state = newState(vendor, spec);
    const check = responseChecker(spec);
    const calls = exampleRequests(spec);
    expect(calls.length).toBeGreaterThan(0);
    for (const { label, request } of calls) {
      const answer = state.answer(request);
      if (!answer) continue;
      expect(answer.status, `${label}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
      expect(check(request.operationId, answer), label).toEqual([]);
    }
  });
});
