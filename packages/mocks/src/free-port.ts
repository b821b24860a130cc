import { createServer } from 'node:net';

/** A port the OS just handed out on `host`; free now, though not reserved. */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error(`could not get a free port on ${host}`));
      });
    });
  });
}
