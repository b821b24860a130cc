// Scenario 3's child: `node bench/large-body.mjs <client> <1mb|10mb> <port>` times one call of one
// client fetching a large answer and reports its wall time and peak memory, then exits. One client
// per process, so no other client's heap or buffers count against it.
//
// Memory is the growth of the process's peak RSS (`resourceUsage().maxRSS`) over the RSS just
// before the call: a high-water mark the kernel keeps, so it catches the transient peak of the call
// (the body as bytes, as text, parsed), Buffers outside the V8 heap included, which sampling
// `heapUsed` would miss or catch between peaks. On Linux the mark is reset right before the call
// (/proc/self/clear_refs), so the imports' own peak cannot hide a smaller call; elsewhere it is
// the growth over the peak so far. A GC first (the harness passes --expose-gc) makes the starting
// heap alike for every client.
import { writeFileSync } from 'node:fs';
import { check, createClients } from './clients.mjs';
import { SIZES } from './fixture.mjs';
import { elapsedNs } from './stats.mjs';

const [name, size, port] = process.argv.slice(2);
if (!SIZES[size] || !Number(port)) throw new Error('usage: large-body.mjs <client> <1mb|10mb> <port>');
const origin = `http://127.0.0.1:${port}`;

// Warm-up on the small answer, with a second instance of the same client: the code is compiled
// and the keep-alive socket open before the measured call.
const [warm] = await createClients([name], { baseUrl: origin });
for (let i = 0; i < 50; i++) check(name, await warm.call());
const [{ call }] = await createClients([name], { baseUrl: `${origin}/${size}` });

globalThis.gc?.();
try {
  writeFileSync('/proc/self/clear_refs', '5'); // 5: reset the peak RSS to the current RSS
} catch {} // not Linux, or not allowed: the growth over the peak so far
const baselineKb = process.resourceUsage().maxRSS;
const start = process.hrtime.bigint();
const body = await call();
const ns = elapsedNs(start);
const peakKb = process.resourceUsage().maxRSS;
check(name, body);
if (!(body.history?.length > 0)) throw new Error(`${name} did not return the large body`);
process.send({ ns, rssKb: peakKb - baselineKb }, () => process.exit(0));
