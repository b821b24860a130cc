import { CONTRACTS } from './generated/contracts/index.js';
import { openDriftFile, type DriftFile } from './proxy/drift-log.js';
import { proxySettings } from './proxy/options.js';
import type { ProxyTarget } from './proxy/target.js';
import type { ArmedFault, DriftFinding, FaultSpec, JournalEntry, JournalFilter } from './public-types.js';
import { canShareProcess, startMock, startPrismsSharing, type MockServer, type PrismOptions } from './start-prism.js';
import { mockPort, specPath, VENDORS, type Vendor } from './vendors.js';

export interface MocksOptions extends Omit<PrismOptions, 'spec' | 'port' | 'onLog' | 'vendor' | 'state'> {
  /** Which vendors to serve. Default: every registered vendor. */
  vendors?: readonly Vendor[];
  /** Base port: each vendor listens on base + its port offset from the vendor registry. Default: ephemeral ports. */
  port?: number;
  /** Receives Prism's log lines, with the vendor they came from. */
  onLog?: (vendor: Vendor, line: string) => void;
  /**
   * Vendors to proxy instead of mock, each to its upstream base URL (`{ bird: 'https://api.bird.com' }`):
   * requests are forwarded with the caller's credentials, answered with the upstream's answer
   * unchanged, and checked against the spec (drift findings: `drift()`, `GET /__parley/drift`).
   * The vendor keeps its port, journal and faults; its state is off. Vendors not named stay mocks.
   */
  proxy?: Partial<Record<Vendor, string>>;
  /** A JSON Lines file the proxied vendors append each drift finding to, as found. */
  driftReport?: string;
  /** Proxied vendors refuse a request that breaks the spec with the mock's error instead of forwarding it. Default false. */
  strict?: boolean;
  /** How long an upstream may send nothing before the caller gets a 502. Default 30 s. */
  proxyTimeoutMs?: number;
}

export interface Mocks {
  /** The base URL of each vendor's mock. */
  readonly urls: Partial<Record<Vendor, string>>;
  /** Back to the state built from the specs' examples, for one vendor or all (also `POST /__parley/reset`). */
  reset(vendor?: Vendor): void;
  /** The requests one vendor's mock received, in order, credentials redacted (also `GET /__parley/journal`). */
  journal(vendor: Vendor, filter?: JournalFilter): JournalEntry[];
  /** Every vendor's journal, by vendor. */
  journal(): Partial<Record<Vendor, JournalEntry[]>>;
  /** Empties one vendor's journal, or all (also `DELETE /__parley/journal`). */
  clearJournal(vendor?: Vendor): void;
  /** Arms a fault on a vendor's mock for the next calls of one operation or of all (also `POST /__parley/faults`). */
  fault(vendor: Vendor, spec: FaultSpec): ArmedFault;
  /** Disarms the faults of one vendor's mock, or of all (also `DELETE /__parley/faults`). */
  clearFaults(vendor?: Vendor): void;
  /** The drift findings of one proxied vendor, or of all in the order found (also `GET /__parley/drift`); empty for mocks. */
  drift(vendor?: Vendor): DriftFinding[];
  /** Forgets the findings kept in memory, of one vendor or all (also `DELETE /__parley/drift`); the report file keeps them. */
  clearDrift(vendor?: Vendor): void;
  /** Stops every mock and waits for their processes to exit. */
  stop(): Promise<void>;
}

/**
 * Serves the vendors' specs with Prism; resolves once every server answers. Rejects with a
 * ProxyOptionsError for proxy settings it cannot use, before starting anything.
 */
export async function startMocks(options: MocksOptions = {}): Promise<Mocks> {
  const { vendors = VENDORS, port, onLog, proxy, driftReport, strict, proxyTimeoutMs, ...prism } = options;
  for (const vendor of vendors) {
    if (!VENDORS.includes(vendor)) throw new TypeError(`unknown vendor ${JSON.stringify(vendor)}; use ${VENDORS.join(', ')}`);
  }
  const settings = proxySettings({ proxy, driftReport, strict, proxyTimeoutMs }, vendors, VENDORS);
  const contracts = new Map(await Promise.all([...settings.targets.keys()].map(async (vendor) => [vendor, (await CONTRACTS[vendor]!()).contract] as const)));
  const file: DriftFile | undefined = settings.driftReport === undefined ? undefined : openDriftFile(settings.driftReport);
  const proxies = vendors.map((vendor): ProxyTarget | undefined => {
    const upstream = settings.targets.get(vendor);
    if (!upstream) return undefined;
    return { vendor, upstream, contract: contracts.get(vendor)!, strict: settings.strict, timeoutMs: settings.timeoutMs, ...(file ? { report: file.write } : {}) };
  });

  const perVendor: PrismOptions[] = vendors.map((vendor) => ({
    ...prism,
    spec: specPath(vendor),
    vendor,
    ...(port !== undefined ? { port: mockPort(vendor, port) } : {}),
    ...(onLog ? { onLog: (line: string) => onLog(vendor, line) } : {}),
  }));
  // One Prism process for all when it can stand for them (its modules then load once), else one each.
  const starting = (await canShareProcess(perVendor)) ? startPrismsSharing(perVendor, proxies) : perVendor.map((options, i) => startMock(options, proxies[i]));
  const started = await Promise.allSettled(
    starting.map((server, i) =>
      server.catch((error: Error) => {
        error.message = `${vendors[i]} mock: ${error.message}`;
        throw error;
      }),
    ),
  );
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const stop = async () => {
    await Promise.all(servers.map((server: MockServer) => server.stop()));
    file?.close();
  };
  if (failure) {
    await stop();
    throw failure.reason;
  }
  const byVendor = new Map(vendors.map((vendor, i) => [vendor, servers[i]!]));
  const one = (vendor: Vendor) => {
    const server = byVendor.get(vendor);
    if (!server) throw new TypeError(`no ${JSON.stringify(vendor)} mock here; these mocks serve ${vendors.join(', ')}`);
    return server;
  };
  const each = (vendor: Vendor | undefined, act: (server: MockServer) => void) => {
    for (const server of vendor === undefined ? servers : [one(vendor)]) act(server);
  };
  function journal(vendor: Vendor, filter?: JournalFilter): JournalEntry[];
  function journal(): Partial<Record<Vendor, JournalEntry[]>>;
  function journal(vendor?: Vendor, filter?: JournalFilter) {
    if (vendor !== undefined) return one(vendor).journal(filter);
    return Object.fromEntries([...byVendor].map(([v, server]) => [v, server.journal()]));
  }
  const drift = (vendor?: Vendor) => {
    if (vendor !== undefined) return one(vendor).drift();
    // ISO times sort as text; the sort is stable, so each vendor's order holds within a millisecond.
    return servers.flatMap((server) => server.drift()).sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  };
  return {
    urls: Object.fromEntries(vendors.map((vendor, i) => [vendor, servers[i]!.url])),
    reset: (vendor) => each(vendor, (server) => server.reset()),
    journal,
    clearJournal: (vendor) => each(vendor, (server) => server.clearJournal()),
    fault: (vendor, spec) => one(vendor).fault(spec),
    clearFaults: (vendor) => each(vendor, (server) => server.clearFaults()),
    drift,
    clearDrift: (vendor) => each(vendor, (server) => server.clearDrift()),
    stop,
  };
}
