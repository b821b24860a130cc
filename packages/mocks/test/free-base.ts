import { createServer } from 'node:net';
import { freePort, mockPort, VENDORS } from '../dist/index.js';

/** A base port whose every vendor port (base + each vendor's offset) is free as well. */
export async function freeBase(): Promise<number> {
  const offsets = VENDORS.map((vendor) => mockPort(vendor, 0)).filter((offset) => offset > 0);
  const highest = Math.max(0, ...offsets);
  for (;;) {
    const base = await freePort('127.0.0.1');
    if (base + highest > 65535) continue;
    const free = await Promise.all(
      offsets.map(
        (offset) =>
          new Promise<boolean>((resolve) => {
            const server = createServer().once('error', () => resolve(false));
            server.listen(base + offset, '127.0.0.1', () => server.close(() => resolve(true)));
          }),
      ),
    );
    if (free.every(Boolean)) return base;
  }
}
