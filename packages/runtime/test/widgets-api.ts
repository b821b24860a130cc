// A small API for the runtime's tests of `validateResponses`, with a contract made as a vendor's is:
// the spec below rendered by the real generator (tools/codegen/contract.mjs) into a module of
// compiled validators, the runtime's own `@parley/runtime/contract` (src) under it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Client } from 'openapi-fetch';
import { renderContract } from '../../../tools/codegen/contract.mjs';
import type { Spec } from '../../../tools/codegen/spec.mjs';
import type { ClientOptions } from '../src/index.js';
import { bearer, createApiClient, defineOperation } from '../src/internal.js';
import type { ContractModule } from '../src/validate-responses.js';

const widget = {
  type: 'object',
  required: ['id', 'state', 'count'],
  properties: { id: { type: 'string' }, state: { enum: ['active', 'archived'] }, count: { type: 'integer' }, name: { type: 'string' } },
};
const json = (schema: object) => ({ content: { 'application/json': { schema } } });

export const spec = {
  openapi: '3.1.0',
  info: { title: 'Widgets', version: '1' },
  paths: {
    '/widgets/{id}': {
      get: {
        operationId: 'getWidget',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'the widget', ...json({ $ref: '#/components/schemas/Widget' }), headers: { 'X-Request-Id': { schema: { type: 'string' } } } },
          '404': { description: 'no such widget', ...json({ $ref: '#/components/schemas/Problem' }) },
        },
      },
    },
    '/widgets': {
      get: {
        operationId: 'listWidgets',
        responses: {
          '200': { description: 'the widgets', ...json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Widget' } } } }) },
          // Documented: checked like any other answer, though the runtime retries it.
          '503': { description: 'down for maintenance', ...json({ type: 'object', required: ['until'], properties: { until: { type: 'string' } } }) },
        },
      },
    },
  },
  components: { schemas: { Widget: widget, Problem: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } } } },
} as unknown as Spec;

export interface Widget {
  id: string;
  state: string;
  count: number;
  name?: string;
}

type Answer<Data> = { headers: Record<string, unknown>; content: { 'application/json': Data } };
export interface Paths {
  '/widgets/{id}': {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: Answer<Widget>; 404: Answer<{ title: string }> };
    };
  };
  '/widgets': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: Answer<{ items: Widget[] }>; 503: Answer<{ until: string }> };
    };
  };
}

let rendered: Promise<ContractModule> | undefined;
let renderedDir: string | undefined;

/** The widgets' contract module, rendered once per test file; `@parley/runtime/contract` is this package's src. */
export function loadWidgetsContract(): Promise<ContractModule> {
  rendered ??= (async () => {
    const runtimeContract = fileURLToPath(new URL('../src/contract.ts', import.meta.url));
    const code = renderContract(spec, { id: 'widgets', displayName: 'Widgets' }).replaceAll("'@parley/runtime/contract'", JSON.stringify(runtimeContract));
    renderedDir = mkdtempSync(join(tmpdir(), 'parley-widgets-'));
    const file = join(renderedDir, 'contract.ts');
    writeFileSync(file, code);
    return (await import(pathToFileURL(file).href)) as ContractModule;
  })();
  return rendered;
}

/** Removes the rendered module's directory (once the tests are done with it). */
export function removeRenderedContract(): void {
  if (renderedDir) rmSync(renderedDir, { recursive: true, force: true });
}

/** A widgets client for `baseUrl` (loopback); `contract` is the loader, counted by the tests. */
export const createWidgetsClient = (baseUrl: string, options: ClientOptions & { contract?: () => Promise<ContractModule> } = {}) =>
  createApiClient<Paths>({ baseUrl, credentials: bearer('widgets-secret-token'), profile: { provider: 'widgets' }, contract: loadWidgetsContract, ...options });

type Result<Data> = { data?: Data; error?: unknown; response: Response };
export const getWidget = defineOperation<Client<Paths>, { path: { id: string } }, Result<Widget>>({ operationId: 'getWidget', method: 'get', path: '/widgets/{id}' });
export const listWidgets = defineOperation<Client<Paths>, undefined, Result<{ items: Widget[] }>>({ operationId: 'listWidgets', method: 'get', path: '/widgets' });
