// The child process that serves one spec with Prism, or several (SharedPrismProcessOptions). Started
// by startPrism() or startPrismsSharing(), never by hand.
// It builds the server from Prism's own packages instead of running Prism's CLI because the CLI
// cannot turn request validation off, and so that readiness and failures arrive as JSON lines on
// stdout, not as log text to scrape. It exits when its parent goes away, so it is never orphaned.
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { specModel, type SpecModel } from './operations.js';
import { LOG_TAG } from './prism-log-tag.js';

export interface PrismProcessOptions {
  spec: string;
  host: string;
  port: number;
  validate: boolean;
  errors: boolean;
  dynamic: boolean;
  seed: string | undefined;
  /** Prism's log level; 'warn' saves writing a few log lines per request when nobody reads them. Default 'info'. */
  logLevel?: 'info' | 'warn';
}

/**
 * Several specs served by one process, each on a free port of `host` (issue 15.5: each process
 * spends most of its start loading Prism's modules). Static mode only (a dynamic mock keeps a process
 * of its own): json-schema-faker's options are global to a process, so a `Prefer: dynamic=true`
 * answer is generated with the options of the spec whose operation it answers (specJsfOptions).
 */
export interface SharedPrismProcessOptions extends Omit<PrismProcessOptions, 'spec' | 'port' | 'dynamic'> {
  specs: { id: string; spec: string }[];
}

/**
 * The lines this process prints besides Prism's own JSON logs; with several specs each names the
 * spec's id, and each of Prism's log lines is tagged with it (prism-log-tag.ts).
 */
export type PrismProcessEvent = { event: 'listening'; url: string; model: SpecModel; id?: string } | { event: 'failed'; reason: string; id?: string };

const require = createRequire(import.meta.url);

// --- Start-up (issue 15.5): Faker's main module loads all of its ~60 locales, half of the time it
// takes to load Prism. Prism uses only Faker's default, English instance, so its English-only build
// stands in for it unless the spec asks json-schema-faker for a locale.
function englishOnlyFaker(specs: string[]) {
  try {
    if (specs.some((spec) => /x-json-schema-faker[\s\S]*\blocale\b/.test(readFileSync(spec, 'utf8')))) return;
  } catch {
    return; // Prism reports an unreadable spec
  }
  const prismHttp = require.resolve('@stoplight/prism-http');
  const entry = require.resolve('@faker-js/faker', { paths: [prismHttp] });
  const english: unknown = require(require.resolve('@faker-js/faker/locale/en', { paths: [prismHttp] }));
  const stand = new Module(entry);
  Object.assign(stand, { filename: entry, loaded: true, exports: { default: english, faker: english } });
  require.cache[entry] = stand;
}
const settings = JSON.parse(process.argv[2] ?? '{}') as PrismProcessOptions | SharedPrismProcessOptions;
englishOnlyFaker('specs' in settings ? settings.specs.map(({ spec }) => spec) : [settings.spec ?? '']);

// Prism reads Postman collections too, with a module (postman-collection) that takes a tenth of the
// start to load: it now loads on the first collection read, never for an OpenAPI spec.
function postmanOnDemand() {
  const prismHttp = require.resolve('@stoplight/prism-http');
  const entry = require.resolve('@stoplight/http-spec/postman/operation', { paths: [prismHttp] });
  let real: Record<string | symbol, unknown> | undefined;
  const load = () => {
    if (!real) {
      delete require.cache[entry]; // this stand-in
      real = require(entry) as Record<string | symbol, unknown>;
    }
    return real;
  };
  const stand = new Module(entry);
  Object.assign(stand, { filename: entry, loaded: true, exports: new Proxy({}, { get: (_, name) => load()[name], has: (_, name) => name in load(), ownKeys: () => Reflect.ownKeys(load()), getOwnPropertyDescriptor: (_, name) => Reflect.getOwnPropertyDescriptor(load(), name) }) });
  require.cache[entry] = stand;
}
postmanOnDemand();
// --- end

const { getHttpOperationsFromSpec } = require('@stoplight/prism-http');
const { createServer } = require('@stoplight/prism-http-server');
const { createLogger } = require('@stoplight/prism-core');
const { configureExtensionsUserProvided } = require('@stoplight/prism-cli/dist/extensions');
const { resetJSONSchemaGenerator } = require('@stoplight/prism-http');

const say = (event: PrismProcessEvent) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function main(options: PrismProcessOptions) {
  const operations = await getHttpOperationsFromSpec(options.spec);
  await configureExtensionsUserProvided(options.spec, {});
  const server = prismServer(operations, options, options.dynamic, createLogger('prism', { level: options.logLevel ?? 'info' }));
  const url: string = await server.listen(options.port, options.host);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop); // the parent is gone
  // The front in the parent routes, checks credentials, throttles and words errors from the model Prism has just read.
  say({ event: 'listening', url, model: specModel(operations) });
}

/** Prism's HTTP server for one spec's operations, configured as every Parley mock is. */
function prismServer(operations: unknown, options: Pick<PrismProcessOptions, 'validate' | 'errors' | 'seed'>, dynamic: boolean, logger: unknown) {
  return createServer(operations, {
    cors: true,
    config: {
      isProxy: false,
      validateRequest: options.validate,
      validateResponse: true,
      checkSecurity: true,
      errors: options.errors,
      upstreamProxy: undefined,
      mock: { dynamic, ignoreExamples: false, seed: options.seed },
    },
    components: { logger },
  });
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Serves each spec on a port of its own; one spec failing fails only that one (the parent stops the rest). */
async function mainShared(options: SharedPrismProcessOptions) {
  const servers: { close(): Promise<void> }[] = [];
  const stop = () => void Promise.allSettled(servers.map((server) => server.close())).finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop); // the parent is gone
  const jsfOptions = specJsfOptions();
  // Every spec read before any listens, one after the other: reading a spec's json-schema-faker
  // options sets them process-wide, and no answer may be generated meanwhile.
  const read = [];
  for (const { id, spec } of options.specs) {
    try {
      const operations = await getHttpOperationsFromSpec(spec);
      const own = await jsfOptions.read(spec);
      for (const operation of operations as object[]) jsfOptions.byOperation.set(operation, own);
      read.push({ id, operations });
    } catch (error) {
      say({ event: 'failed', reason: reasonOf(error), id });
    }
  }
  for (const { id, operations } of read) {
    try {
      // Prism's log lines are tagged with the spec they are about, for the parent to hand on.
      const destination = { write: (line: string) => process.stdout.write(`${LOG_TAG}${id}${LOG_TAG}${line}`) };
      const server = prismServer(operations, options, false, createLogger('prism', { level: options.logLevel ?? 'info' }, destination));
      // Port 0: the OS picks a free one as Prism listens, so no other process can take it first.
      const url: string = await server.listen(0, options.host);
      servers.push(server);
      say({ event: 'listening', url, model: specModel(operations), id });
    } catch (error) {
      say({ event: 'failed', reason: reasonOf(error), id });
    }
  }
}

/**
 * Each spec's `x-json-schema-faker` options, applied before Prism generates an answer for one of
 * its operations (`Prefer: dynamic=true`): Prism reads them with configureExtensionsUserProvided
 * into json-schema-faker's options, one set per process.
 */
function specJsfOptions() {
  const prismHttp = require.resolve('@stoplight/prism-http');
  const generator = require(require.resolve('@stoplight/prism-http/dist/mocker/generator/JSONSchema', { paths: [prismHttp] }));
  const { JSONSchemaFaker } = require(require.resolve('json-schema-faker', { paths: [prismHttp] }));
  const option: (name: string | object, value?: unknown) => unknown = JSONSchemaFaker.option;
  const byOperation = new WeakMap<object, [string, unknown][]>();
  const generate = generator.generate;
  // Prism calls it as `(0, JSONSchema_1.generate)(resource, …)`: the property is read at each call.
  generator.generate = (resource: object, ...rest: unknown[]) => {
    // Not found: not an operation (a callback's parameter; no Parley spec has callbacks), options as they are.
    const own = byOperation.get(resource);
    if (own) {
      resetJSONSchemaGenerator();
      for (const [name, value] of own) option(name, value);
    }
    return generate(resource, ...rest);
  };
  return {
    byOperation,
    /** Runs Prism's own reading of the spec's options, recording the ones it sets. */
    async read(spec: string): Promise<[string, unknown][]> {
      const recorded: [string, unknown][] = [];
      JSONSchemaFaker.option = (name: string | object, value?: unknown) => {
        if (typeof name === 'string' && value !== undefined) recorded.push([name, value]);
        return option(name, value);
      };
      try {
        await configureExtensionsUserProvided(spec, {});
      } finally {
        JSONSchemaFaker.option = option;
      }
      return recorded;
    },
  };
}

const run = 'specs' in settings ? mainShared(settings) : main(settings);
run.catch((error: unknown) => {
  say({ event: 'failed', reason: reasonOf(error) });
  process.exit(1);
});
