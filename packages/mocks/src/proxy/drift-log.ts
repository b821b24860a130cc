// Where drift findings go: each proxied mock keeps its own in memory (`mocks.drift()`,
// `GET /__parley/drift`), and every proxied mock of a run appends to one JSON Lines file, a line per
// finding as it is found, written synchronously so that a run killed by a signal loses none.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { DriftFinding } from '../public-types.js';
import { ProxyOptionsError } from './options.js';

/** How many findings a mock keeps in memory, the oldest going first (the file keeps them all). */
export const DRIFT_LIMIT = 10_000;

export class DriftLog {
  private findings: DriftFinding[] = [];

  constructor(readonly limit = DRIFT_LIMIT) {}

  add(finding: DriftFinding): void {
    this.findings.push(finding);
    if (this.findings.length > this.limit) this.findings.splice(0, this.findings.length - this.limit);
  }

  list(): DriftFinding[] {
    return [...this.findings];
  }

  clear(): void {
    this.findings = [];
  }
}

export interface DriftFile {
  readonly path: string;
  write(finding: DriftFinding): void;
  close(): void;
}

/** Opens `path` for appending (created if missing); a ProxyOptionsError when it cannot be. */
export function openDriftFile(path: string): DriftFile {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'a');
  } catch (error) {
    throw new ProxyOptionsError(`cannot write the drift report ${path}: ${(error as Error).message}`);
  }
  return {
    path,
    write(finding) {
      if (fd !== undefined) writeSync(fd, `${JSON.stringify(finding)}\n`);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
