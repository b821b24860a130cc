// The child process that serves one spec with Prism. Started by startPrism(), never by hand.
// It builds the server from Prism's own packages instead of running Prism's CLI because the CLI
// cannot turn request validation off, and so that readiness and failures arrive as JSON lines on
// stdout, not as log text to scrape. It exits when its parent goes away, so it is never orphaned.
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { specModel, type SpecModel } from './operations.js';

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

/** The lines this process prints besides Prism's own JSON logs. */
export type PrismProcessEvent = { event: 'listening'; url: string; model: SpecModel } | { event: 'failed'; reason: string };

const require = createRequire(import.meta.url);

// --- Start-up (issue 15.5): Faker's main module loads all of its ~60 locales, half of the time it
// takes to load Prism. Prism uses only Faker's default, English instance, so its English-only build
// stands in for it unless the spec asks json-schema-faker for a locale.
function englishOnlyFaker(spec: string) {
  try {
    if (/x-json-schema-faker[\s\S]*\blocale\b/.test(readFileSync(spec, 'utf8'))) return;
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
englishOnlyFaker((JSON.parse(process.argv[2] ?? '{}') as Partial<PrismProcessOptions>).spec ?? '');
// --- end

const { getHttpOperationsFromSpec } = require('@stoplight/prism-http');
const { createServer } = require('@stoplight/prism-http-server');
const { createLogger } = require('@stoplight/prism-core');
const { configureExtensionsUserProvided } = require('@stoplight/prism-cli/dist/extensions');

const say = (event: PrismProcessEvent) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function main(options: PrismProcessOptions) {
  const operations = await getHttpOperationsFromSpec(options.spec);
  await configureExtensionsUserProvided(options.spec, {});
  const logger = createLogger('prism', { level: options.logLevel ?? 'info' });
  const server = createServer(operations, {
    cors: true,
    config: {
      isProxy: false,
      validateRequest: options.validate,
      validateResponse: true,
      checkSecurity: true,
      errors: options.errors,
      upstreamProxy: undefined,
      mock: { dynamic: options.dynamic, ignoreExamples: false, seed: options.seed },
    },
    components: { logger },
  });
  const url: string = await server.listen(options.port, options.host);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop); // the parent is gone
  // The front in the parent routes, checks credentials, throttles and words errors from the model Prism has just read.
  say({ event: 'listening', url, model: specModel(operations) });
}

main(JSON.parse(process.argv[2] ?? '{}') as PrismProcessOptions).catch((error: unknown) => {
  say({ event: 'failed', reason: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
