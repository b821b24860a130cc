// Opens every docs page in Debian's chromium, as a reader would, with the network limited to
// loopback: the pages must render every operation and the security schemes, request nothing from
// any other host, and log no console error.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { mappingTable } from '@parley/unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendors } from '../../tools/registry.mjs';
import { serveDocs } from '../serve.mjs';
import { inferredFacts } from '../../tools/codegen/inferred.mjs';
import { shownAt } from '../inferred-badges.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const site = fileURLToPath(new URL('../site/', import.meta.url));
const shots = new URL('../screenshots/', import.meta.url);
const loopback = (url: string) => /^(data|blob|about):/.test(url) || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

let browser: Browser;
let server: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  server = await serveDocs(site);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  await mkdir(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a page, refusing (and recording) any request that would leave the machine. */
async function open(path: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const external: string[] = [];
  const consoleErrors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (loopback(url)) return route.continue();
    external.push(url);
    return route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
  return { page, context, external, consoleErrors };
}

describe.each(vendors())('$id docs page', ({ id: vendor, packageDir, docsTitle }) => {
  it('shows every operation and the security schemes, offline and without errors', async () => {
    const spec = JSON.parse(await readFile(`${packageDir}openapi/openapi.json`, 'utf8'));
    const { page, context, external, consoleErrors } = await open(`${vendor}.html`);
    try {
      const summaries = Object.values(spec.paths as Record<string, Record<string, { summary?: string }>>).flatMap((item) =>
        Object.values(item).flatMap((op) => (op?.summary ? [op.summary] : [])),
      );
      expect(summaries.length).toBeGreaterThan(0);
      // Redoc renders after load; wait until it shows the operations (or fail after 30 s).
      await page
        .waitForFunction((expected) => expected.every((s) => document.body.innerText.includes(s)), summaries, { timeout: 30_000 })
        .catch(() => undefined);
      expect(await page.title()).toBe(docsTitle);
      const text = await page.locator('body').innerText();
      for (const summary of summaries) expect(text).toContain(summary);
      // The Authentication section: each scheme with its type (and HTTP scheme, or header name).
      expect(text).toContain('Authentication');
      for (const [name, scheme] of Object.entries(spec.components.securitySchemes as Record<string, { type: string; scheme?: string; name?: string }>)) {
        const section = text.slice(text.indexOf(`\n${name}\n`));
        expect(section).not.toBe(text);
        if (scheme.type === 'oauth2') expect(section).toMatch(new RegExp(`^\\n${name}\\n[\\s\\S]*?Security Scheme Type: OAuth2\\n[\\s\\S]*?Token URL`));
        else if (scheme.type === 'http') expect(section).toMatch(new RegExp(`^\\n${name}\\n[\\s\\S]*?Security Scheme Type: HTTP\\nHTTP Authorization Scheme: ${scheme.scheme}`));
        else expect(section).toMatch(new RegExp(`^\\n${name}\\n[\\s\\S]*?Security Scheme Type: API Key\\nHeader parameter name: ${scheme.name}`));
      }
      // Every inferred response, parameter and operation shows its badge with the reason; examples,
      // headers, bodies and schema members badge where Redoc shows them (picked, expanded).
      const { facts } = inferredFacts(spec);
      const shownAlways = facts.filter(({ keys }) => !['examples', 'schema', 'headers', 'requestBody'].some((k) => shownAt(keys).includes(k)) && keys[1] !== 'schemas');
      for (const { reason, where } of shownAlways) {
        expect(await page.locator(`.parley-inferred[title="${reason.replace(/"/g, '\\"')}"]`).count(), where).toBeGreaterThan(0);
      }
      if (facts.length) expect(await page.locator('.parley-inferred:visible').count()).toBeGreaterThan(0);
      await page.screenshot({ path: fileURLToPath(new URL(`${vendor}.png`, shots)), fullPage: false });
      expect(external).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('index page', () => {
  it('links every vendor page and shows the unified mapping table', async () => {
    const { page, context, external, consoleErrors } = await open('index.html');
    try {
      const links = await page.locator('a.page').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
      expect(links).toEqual(vendors().map((vendor) => `${vendor.id}.html`));
      expect(await page.locator('a.page').allInnerTexts()).toEqual(vendors().map((vendor) => vendor.docsTitle));
      const counts = await page.locator('.inferred-count').allInnerTexts();
      expect(counts).toEqual(
        vendors().map(({ packageDir }) => {
          const n = inferredFacts(JSON.parse(readFileSync(`${packageDir}openapi/openapi.json`, 'utf8'))).facts.length;
          return `${n} inferred fact${n === 1 ? '' : 's'}`;
        }),
      );
      const { header, rows } = mappingTable();
      expect(await page.locator('table thead th').allInnerTexts()).toEqual(header);
      const shown = await page.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      expect(shown).toEqual(rows.map((row) => row.map((cell) => cell.replace(/`/g, ''))));
      for (const href of links) {
        const response = await page.request.get(`${server.url}/${href}`);
        expect(response.status()).toBe(200);
      }
      // Each vendor is one box; its operations a plain list inside it, no box (and bullet) each.
      const boxes = await page.locator('ul.operations > li').evaluateAll((lis) => lis.map((li) => getComputedStyle(li).borderTopWidth));
      expect(boxes.length).toBeGreaterThan(0);
      expect(new Set(boxes)).toEqual(new Set(['0px']));
      // An icon of its own: otherwise the browser asks for /favicon.ico and logs the 404.
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
      await page.screenshot({ path: fileURLToPath(new URL('index.png', shots)), fullPage: true });
      expect(external).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
