#!/usr/bin/env node
// `pnpm run docs`: one offline HTML page per vendor spec (Redoc 2, its script inlined) and an
// index page with the unified mapping table, into docs/site/. Opening them sends no request
// anywhere: no CDN script, no web fonts, and Redoc's attribution logo, which it would load from
// its CDN, is served from the docs folder.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { mappingTable } from '@parley/unified';
import { vendors } from '../tools/registry.mjs';
import { BADGE_CSS, withInferredBadges } from './inferred-badges.mjs';

const require = createRequire(import.meta.url);
const site = new URL('./site/', import.meta.url);

/** One page per registered vendor: its id, page title and the spec its client package bundles. */
export const VENDORS = vendors().map((vendor) => ({
  vendor: vendor.id,
  title: vendor.docsTitle,
  json: `${vendor.packageDir}openapi/openapi.json`,
  yaml: `${vendor.packageDir}openapi/openapi.yaml`,
}));

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A mapping-table cell: escaped, with `code` spans. */
const cell = (text) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');

await rm(site, { recursive: true, force: true });
await mkdir(site, { recursive: true });

const LOGO_URL = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const redocScript = (await readFile(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8')).replaceAll(LOGO_URL, 'redocly-logo.svg');
if (redocScript.includes('cdn.redoc.ly')) throw new Error('the Redoc bundle refers to another CDN file: serve it locally too');
await writeFile(
  new URL('redocly-logo.svg', site),
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#0044d4"/><text x="8" y="11.5" font-family="sans-serif" font-size="10" font-weight="700" text-anchor="middle" fill="#fff">R</text></svg>\n',
);

/** Redoc's options: system fonts (nothing to download), responses and samples open. */
const REDOC_OPTIONS = {
  expandResponses: '200,400,404',
  jsonSampleExpandLevel: 3,
  pathInMiddlePanel: true,
  theme: {
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", sans-serif',
      headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", sans-serif' },
      code: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
    },
  },
};
// An inline icon: without one, browsers ask the server for /favicon.ico and log its 404 as an error.
const FAVICON = `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#0969da"/></svg>')}">`;

/** JSON that can sit inside a <script> element. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

const pages = [];
for (const { vendor, title, json, yaml } of VENDORS) {
  const spec = JSON.parse(await readFile(json, 'utf8'));
  const { spec: shown, count: inferred } = withInferredBadges(spec);
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
${FAVICON}
<style>body { margin: 0; } .parley-back { position: fixed; right: 1rem; bottom: 1rem; z-index: 10; font: 14px system-ui, sans-serif; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: .3rem .6rem; } ${BADGE_CSS}</style>
</head>
<body>
<a class="parley-back" href="index.html">All Parley docs</a>
<div id="redoc"></div>
<script>${redocScript.replace(/<\/script/gi, '<\\/script')}</script>
<script>Redoc.init(${scriptJson(shown)}, ${scriptJson(REDOC_OPTIONS)}, document.getElementById('redoc'));</script>
</body>
</html>
`;
  await writeFile(new URL(`${vendor}.html`, site), page);
  await copyFile(json, new URL(`${vendor}.openapi.json`, site));
  await copyFile(yaml, new URL(`${vendor}.openapi.yaml`, site));
  const operations = Object.values(spec.paths).flatMap((item) => Object.values(item).filter((op) => op && op.operationId));
  pages.push({ vendor, title, spec, operations, inferred });
}

const { header, rows } = mappingTable();
const index = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley — API docs</title>
${FAVICON}
<style>
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2328; }
  h1 { margin-bottom: .25rem; } .lead { color: #59636e; margin-top: 0; }
  ul.vendors { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
  ul.vendors > li { border: 1px solid #d1d9e0; border-radius: 8px; padding: 1rem; }
  ul.operations { margin: .5rem 0 0; padding-left: 1.2rem; }
  ul.vendors a.page { font-weight: 600; font-size: 1.1rem; }
  .meta { color: #59636e; font-size: .9rem; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { border: 1px solid #d1d9e0; padding: .4rem .6rem; text-align: left; vertical-align: top; }
  th { background: #f6f8fa; } td:first-child { white-space: nowrap; font-weight: 600; }
  code { font: .85em ui-monospace, SFMono-Regular, Menlo, monospace; background: #eff2f5; padding: .1em .3em; border-radius: 4px; }
</style>
</head>
<body>
<h1>Parley API docs</h1>
<p class="lead">The hand-written OpenAPI 3.1 specs behind Parley's clients and mock servers.</p>
<ul class="vendors">
${pages
  .map(
    ({ vendor, title, spec, operations, inferred }) => `  <li><a class="page" href="${vendor}.html">${escape(title)}</a>
    <div class="meta">version ${escape(spec.info.version)} · ${operations.length} operations ·
      <span class="inferred-count">${inferred} inferred fact${inferred === 1 ? '' : 's'}</span> ·
      <a href="${vendor}.openapi.json">openapi.json</a> · <a href="${vendor}.openapi.yaml">openapi.yaml</a></div>
    <ul class="operations">${operations.map((op) => `<li>${escape(op.summary)}</li>`).join('')}</ul></li>`,
  )
  .join('\n')}
</ul>
<h2 id="mapping">The unified participants API</h2>
<p><code>@parley/unified</code> maps one participant model onto each vendor as follows. A change a
vendor cannot make fails with <code>unsupported</code> before any request is sent.</p>
<table>
<thead><tr>${header.map((h) => `<th>${cell(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((row) => `<tr>${row.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>
</body>
</html>
`;
await writeFile(new URL('index.html', site), index);
console.log(`docs written to ${fileURLToPath(site)}: index.html, ${VENDORS.map((v) => `${v.vendor}.html`).join(', ')}`);
