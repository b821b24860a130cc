import { startPrism, type PrismOptions, type PrismServer } from './start-prism.js';
import { mockPort, specPath, VENDORS, type Vendor } from './vendors.js';

export interface MocksOptions extends Omit<PrismOptions, 'spec' | 'port' | 'onLog'> {
  /** Which vendors to serve. Default: every registered vendor. */
  vendors?: readonly Vendor[];
  /** Base port: each vendor listens on base + its port offset from the vendor registry. Default: ephemeral ports. */
  port?: number;
  /** Receives Prism's log lines, with the vendor they came from. */
  onLog?: (vendor: Vendor, line: string) => void;
}

export interface Mocks {
  /** The base URL of each vendor's mock. */
  readonly urls: Partial<Record<Vendor, string>>;
  /** Stops every mock and waits for their processes to exit. */
  stop(): Promise<void>;
}

/** Serves the vendors' specs with Prism; resolves once every server answers. */
export async function startMocks(options: MocksOptions = {}): Promise<Mocks> {
  const { vendors = VENDORS, port, onLog, ...prism } = options;
  for (const vendor of vendors) {
    if (!VENDORS.includes(vendor)) throw new TypeError(`unknown vendor ${JSON.stringify(vendor)}; use ${VENDORS.join(', ')}`);
  }
  const started = await Promise.allSettled(
    vendors.map((vendor) =>
      startPrism({
        ...prism,
        spec: specPath(vendor),
        ...(port !== undefined ? { port: mockPort(vendor, port) } : {}),
        ...(onLog ? { onLog: (line: string) => onLog(vendor, line) } : {}),
      }).catch((error: Error) => {
        error.message = `${vendor} mock: ${error.message}`;
        throw error;
      }),
    ),
  );
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const stop = async () => {
    await Promise.all(servers.map((server: PrismServer) => server.stop()));
  };
  if (failure) {
    await stop();
    throw failure.reason;
  }
  return { urls: Object.fromEntries(vendors.map((vendor, i) => [vendor, servers[i]!.url])), stop };
}
