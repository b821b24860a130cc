// The markdown report: one table per scenario and the targets, from the raw samples.
import { cpus, platform, release } from 'node:os';
import { summarize } from './stats.mjs';

const BASE = 'openapi-fetch';
const TARGET_CLIENT = 'Parley .orThrow';
const x = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a');
const int = (n) => Math.round(n).toLocaleString('en-US');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export const machine = () => ({
  cpu: cpus()[0].model.trim(),
  cores: cpus().length,
  node: process.version,
  os: `${platform()} ${release()}`,
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
});

/** Throughput from ns per op: the ratio is the client's ops/s over openapi-fetch's, so higher is better. */
function throughputTable(samples, unit) {
  const s = Object.fromEntries(Object.entries(samples).map(([name, ns]) => [name, summarize(ns)]));
  const base = s[BASE];
  const rows = Object.entries(s).map(([name, { min, median }]) => [
    name, int(1e9 / min), int(1e9 / median), x(base.median / median), x(base.min / min),
  ]);
  return { stats: s, text: table(['client', `${unit} (min time)`, `${unit} (median)`, `× ${BASE} (medians)`, `× ${BASE} (mins)`], rows) };
}

// Below 1 MB the RSS growth is mostly pages the heap already had: a ratio of such numbers means nothing.
const memX = (kb, baseKb) => (Math.min(kb, baseKb) < 1024 ? 'n/a (< 1 MB)' : x(kb / baseKb));

/** Time and memory: the ratio is the client's over openapi-fetch's, so lower is better. */
function largeTable(samples) {
  const s = Object.fromEntries(Object.entries(samples).map(([name, { ns, rssKb }]) => [name, { time: summarize(ns), mem: summarize(rssKb) }]));
  const base = s[BASE];
  const rows = Object.entries(s).map(([name, { time, mem }]) => [
    name,
    (time.min / 1e6).toFixed(1), (time.median / 1e6).toFixed(1), x(time.median / base.time.median), x(time.min / base.time.min),
    (mem.min / 1024).toFixed(1), (mem.median / 1024).toFixed(1), memX(mem.median, base.mem.median), memX(mem.min, base.mem.min),
  ]);
  const head = ['client', 'min ms', 'median ms', '× time (medians)', '× time (mins)', 'min MB', 'median MB', '× memory (medians)', '× memory (mins)'];
  return { stats: s, text: table(head, rows) };
}

/** One target: met when the ratio of medians meets it; the ratio of mins is shown beside it. */
function target(label, median, min, limit, atLeast) {
  const ok = (r) => (atLeast ? r >= limit : r <= limit);
  const met = ok(median) ? (ok(min) ? 'yes' : 'yes (not by mins)') : ok(min) ? 'no (yes by mins)' : 'no';
  return [label, `${atLeast ? '≥' : '≤'} ${limit}×`, x(median), x(min), met];
}

export function renderReport({ machine: m, settings, stubbed, loopback, large }) {
  const out = [
    '# Parley benchmark',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.os}, ${m.date}`,
    '',
    `Measured: ${m.source}; dist builds ${m.dist} (copied at the start, so a rebuild during the run changes nothing).`,
    '',
    `Settings: ${settings}. Clients run round-robin within each round, starting one further along each round.`,
    '**min** is the fastest sample (what the code costs), **median** what to expect on this shared machine;',
    `each \`× ${BASE}\` compares like with like (median to median, min to min).`,
  ];
  const targets = [];
  const tf = throughputTable(stubbed, 'ops/s');
  const orThrow = (s) => [s[TARGET_CLIENT], s[BASE]];
  {
    const [p, b] = orThrow(tf.stats);
    targets.push(target(`stubbed: ${TARGET_CLIENT} ops/s`, b.median / p.median, b.min / p.min, 0.8, true));
  }
  const sections = [
    '## 1. Stubbed transport (no sockets), ops/s',
    '',
    'One GET of a Bird participant per op; the fetch is a stub answering a fresh `Response`. `bare fetch` is the floor: the stub call and `res.json()`.',
    '',
    tf.text,
    '',
    '## 2. Loopback HTTP, requests/s',
    '',
    'A `node:http` server on 127.0.0.1 in its own process; every client with its default transport (`bare fetch`: global fetch and `res.json()`).',
  ];
  for (const [concurrency, samples] of Object.entries(loopback)) {
    const t = throughputTable(samples, 'req/s');
    const [p, b] = orThrow(t.stats);
    targets.push(target(`loopback, concurrency ${concurrency}: ${TARGET_CLIENT} req/s`, b.median / p.median, b.min / p.min, 0.95, true));
    sections.push('', `### Concurrency ${concurrency}`, '', t.text);
  }
  sections.push('', '## 3. Large bodies over loopback, time and peak memory', '', 'One call per child process; memory is the growth of peak RSS over the RSS right before the call (taken after imports, warm-up and a GC). RSS grows only past the pages the process already holds, so small numbers (the 1 MB row) are near its floor and vary from run to run.');
  for (const [size, samples] of Object.entries(large)) {
    const t = largeTable(samples);
    if (size === '10mb') {
      const { time: pt, mem: pm } = t.stats[TARGET_CLIENT];
      const { time: bt, mem: bm } = t.stats[BASE];
      targets.push(target(`10 MB body: ${TARGET_CLIENT} time`, pt.median / bt.median, pt.min / bt.min, 1.15, false));
      targets.push(target(`10 MB body: ${TARGET_CLIENT} peak memory`, pm.median / bm.median, pm.min / bm.min, 1.15, false));
    }
    sections.push('', `### ${size.replace('mb', ' MB')}`, '', t.text);
  }
  out.push('', `## Targets (${TARGET_CLIENT} against ${BASE})`, '', table(['target', 'goal', 'measured (medians)', 'measured (mins)', 'met'], targets), '', ...sections);
  return { markdown: out.join('\n') + '\n', targets: targets.map(([label, goal, median, min, met]) => ({ label, goal, median, min, met })) };
}
