// `pnpm mock` / `parley-mock`: serves every vendor spec with Prism on fixed loopback ports until
// Ctrl-C or SIGTERM, then stops every child. With `--proxy`, a vendor is forwarded to the real one
// and checked against its spec; the drift found is summarized on stderr when the command stops.
import { parseArgs } from 'node:util';
import { parseProxyFlags, proxySettings, ProxyOptionsError } from './proxy/options.js';
import { summarizeDrift } from './proxy/summary.js';
import { startMocks, type MocksOptions } from './start-mocks.js';
import { DEFAULT_BASE_PORT, displayName, mockPort, VENDORS, type Vendor } from './vendors.js';

const offset = (vendor: Vendor) => mockPort(vendor, 0);
const column = (values: readonly string[]) => Math.max(...values.map((value) => value.length)) + 2;
const ports = VENDORS.map(
  (vendor) =>
    `  ${vendor.padEnd(column(VENDORS))}${displayName(vendor).padEnd(column(VENDORS.map(displayName)))}base + ${offset(vendor)} (${mockPort(vendor)} by default)`,
);
/** The highest base port that leaves room for every vendor's port. */
const MAX_BASE_PORT = 65535 - Math.max(0, ...VENDORS.map(offset));

const USAGE = `Usage: pnpm mock [-- options]   (or: parley-mock [options])

Serves Parley's vendor specs with Prism, each vendor on its own port:
${ports.join('\n')}

Options:
  --vendors <list>   comma-separated subset of ${VENDORS.join(', ')} (default: all)
  --port <n>         base port (default: ${DEFAULT_BASE_PORT})
  --host <host>      address to listen on (default: 127.0.0.1)
  --dynamic          generate responses from the schemas instead of the examples
  --seed <value>     seed for repeatable dynamic responses (implies --dynamic)
  --no-validate      accept requests that break the spec instead of answering 422/400
  --stateless        answer every request from the spec's examples; writes are not remembered
  --verbose, -v      print Prism's request log
  --help, -h         this text

Drift check against a real vendor (repeatable; vendors not named stay mocks):
  --proxy <vendor>=<upstream URL>
                     forward that vendor's requests to the upstream (the caller's credentials, the
                     upstream's answer unchanged) and report where requests and answers depart
                     from the spec; its port, journal and faults stay, its state is off
  --drift-report <file>
                     append each drift finding to this JSON Lines file as it is found
  --strict           do not forward a request that breaks the spec: answer the mock's error

Pick a response per request with the header  Prefer: code=404  or  Prefer: example=<name>.
A request whose Authorization lacks the scheme a spec names (x-parley-credential.prefix, such as
Bird's  AccessKey <key>) gets that operation's documented 401.`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values } = parseArgs({
    // `pnpm mock -- --port 5000` hands the `--` on to the script; it separates nothing here.
    args: argv[0] === '--' ? argv.slice(1) : argv,
    strict: true,
    options: {
      vendors: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      dynamic: { type: 'boolean' },
      seed: { type: 'string' },
      'no-validate': { type: 'boolean' },
      stateless: { type: 'boolean' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
      proxy: { type: 'string', multiple: true },
      'drift-report': { type: 'string' },
      strict: { type: 'boolean' },
    },
  });
  const vendors = (values.vendors?.split(',').map((v) => v.trim()).filter(Boolean) ?? [...VENDORS]) as Vendor[];
  const unknown = vendors.filter((v) => !VENDORS.includes(v));
  if (unknown.length) throw new UsageError(`unknown vendor ${unknown.join(', ')}; use ${VENDORS.join(', ')}`);
  const port = values.port === undefined ? DEFAULT_BASE_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > MAX_BASE_PORT) throw new UsageError(`--port must be a port number; got ${values.port}`);
  const proxy = parseProxyFlags(values.proxy ?? []);
  const drift = { proxy, ...(values['drift-report'] !== undefined ? { driftReport: values['drift-report'] } : {}), ...(values.strict ? { strict: true } : {}) };
  proxySettings(drift, vendors, VENDORS); // startMocks' own check, before anything starts
  return { ...values, vendors, port, drift };
}

function formatLog(vendor: Vendor, line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; input?: { method?: string; url?: { path?: string } } };
    const request = entry.input ? ` ${entry.input.method?.toUpperCase() ?? ''} ${entry.input.url?.path ?? ''}` : '';
    return `[${vendor}]${request} ${entry.msg ?? line}`;
  } catch {
    return `[${vendor}] ${line}`;
  }
}

/** Runs the command; resolves with the exit code once the mocks have stopped. */
export async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const started = Date.now();
  let mocks;
  const mocksOptions: MocksOptions = {
    vendors: options.vendors,
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    dynamic: Boolean(options.dynamic || options.seed !== undefined),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    validate: !options['no-validate'],
    ...(options.verbose ? { onLog: (vendor: Vendor, line: string) => console.log(formatLog(vendor, line)) } : {}),
    stateful: !options.stateless,
    ...options.drift,
  };
  try {
    mocks = await startMocks(mocksOptions);
  } catch (error) {
    console.error(`parley-mock: ${(error as Error).message}`);
    // A report file that cannot be written is a bad option like any other.
    return error instanceof ProxyOptionsError ? 2 : 1;
  }
  const mode = options.dynamic || options.seed !== undefined ? `dynamic${options.seed !== undefined ? `, seed ${options.seed}` : ''}` : 'static examples';
  console.log(`Parley mocks ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${mode}, request validation ${options['no-validate'] ? 'off' : 'on'}, ${options.stateless ? 'stateless' : 'stateful'}):`);
  const width = Math.max(12, ...Object.keys(mocks.urls).map((vendor) => vendor.length + 1));
  const proxied = options.drift.proxy as Record<string, string>;
  for (const [vendor, url] of Object.entries(mocks.urls)) console.log(`  ${vendor.padEnd(width)} ${url}${proxied[vendor] ? ` → ${proxied[vendor]} (proxy)` : ''}`);
  if (Object.keys(proxied).length) {
    const strict = options.drift.strict ? 'not forwarded (--strict)' : 'forwarded';
    console.log(`Proxied vendors: requests that break the spec are reported and ${strict}; drift is summarized when this stops${options.drift.driftReport ? ` and appended to ${options.drift.driftReport} as found` : ''}.`);
  }
  console.log('Force a response with  Prefer: code=404  or  Prefer: example=<name>.  Ctrl-C stops.');

  return new Promise<number>((resolve) => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    let stopping = false;
    // Ctrl-C reaches this process and pnpm alike, and pnpm passes it on: a second signal while
    // stopping is expected and must not cut the stop short (the default action would).
    const shutdown = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping the mocks…`);
      void mocks.stop().then(() => {
        if (Object.keys(proxied).length) console.error(summarizeDrift(mocks.drift()));
        for (const s of signals) process.off(s, shutdown);
        resolve(0);
      });
    };
    for (const signal of signals) process.on(signal, shutdown);
  });
}
