import { createServer } from 'node:net';
import { freePort } from '../dist/index.js';

/** A base port whose next two ports are free as well, for the fixed three-vendor layout. */
export async function freeBase(): Promise<number> {
  for (;;) {
    const base = await freePort('127.0.0.1');
    if (base > 65530) continue;
    const free = await Promise.all(
      [1, 2].map(
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
