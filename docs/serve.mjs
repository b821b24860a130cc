#!/usr/bin/env node
// `pnpm docs:serve [port]`: serves docs/site/ on loopback (default port 4000). Also imported by the
// browser test, which serves on an ephemeral port.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.yaml': 'application/yaml; charset=utf-8', '.png': 'image/png' };

/** Serves `root` on 127.0.0.1; resolves to its URL and a stop function. */
export async function serveDocs(root, port = 0) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base)) return response.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const site = fileURLToPath(new URL('./site/', import.meta.url));
  await stat(join(site, 'index.html')).catch(() => {
    console.error('docs/site is empty: run `pnpm docs` first');
    process.exit(1);
  });
  const port = Number(process.argv[2] ?? 4000);
  const { url, stop } = await serveDocs(site, port).catch((error) => {
    console.error(error.code === 'EADDRINUSE' ? `port ${port} is already in use; pass another: pnpm docs:serve ${port + 1}` : error.message);
    process.exit(1);
  });
  console.log(`Parley docs at ${url}/  (Ctrl-C stops)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stop().then(() => process.exit(0)));
}
