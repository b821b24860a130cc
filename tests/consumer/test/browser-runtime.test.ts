// The clients need only `fetch`: bundled for the browser (no Node built-in can resolve there) and
// run in Debian's chromium, they update and read participants through the mocks over CORS.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startMocks, type Mocks } from '@parley/mocks';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let mocks: Mocks;
let browser: Browser;
let page: Server;
let pageUrl = '';

const app = `
import { createParley } from '@parley/unified';
import { createNexudusClient, getChatRoom } from '@parley/nexudus';
const urls = window.PARLEY_MOCKS;
const parley = createParley({
  bird: { accessKey: 'browser-key', workspaceId: 'b4e02c85-c6d2-4b15-8885-e09671799c61', baseUrl: urls.bird },
  softwareone: { token: 'browser-token', baseUrl: urls.softwareone },
});
const bird = await parley.participants.update({ provider: 'bird', chatId: '67e4d358-ca94-421e-98b7-448860df9d33', participantId: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf', set: { status: 'active' } });
const swo = await parley.participants.get({ provider: 'softwareone', chatId: 'CHT-4821-7730-1955', participantId: 'CPT-5104-3382-7716' });
const room = await getChatRoom.orThrow(createNexudusClient({ username: 'qa@example.com', password: 'pässwörd', baseUrl: urls.nexudus }), { path: { id: 87654321 } });
window.RESULT = { bird: [bird.id, bird.status], swo: [swo.id, swo.displayName], room: room.Name };
`;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  mocks = await startMocks();
  const bundle = await build({
    stdin: { contents: app, resolveDir: import.meta.dirname, loader: 'js' },
    // The vendor packages the app imports directly, found where they are installed: as dependencies of @parley/unified.
    nodePaths: [fileURLToPath(new URL('../../../packages/unified/node_modules/', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const script = bundle.outputFiles[0]!.text;
  const html = `<!doctype html><meta charset="utf-8"><script>window.PARLEY_MOCKS = ${JSON.stringify(mocks.urls)};</script><script type="module" src="/app.js"></script>`;
  page = createServer((request, response) => {
    if (request.url === '/app.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
  await mocks?.stop();
});

describe('the clients in a browser', () => {
  it('bundle without Node built-ins and talk to the mocks with fetch', async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await tab.goto(pageUrl);
    const result = await tab
      .waitForFunction(() => (window as unknown as { RESULT?: unknown }).RESULT, undefined, { timeout: 20_000 })
      .then((handle) => handle.jsonValue());
    expect(errors).toEqual([]);
    expect(result).toEqual({
      bird: ['cb22b001-6226-4d7c-acdd-7414b2bcdbaf', 'active'],
      swo: ['CPT-5104-3382-7716', 'Dana Whitfield'],
      room: 'Front desk',
    });
  });
});
