// Scenario 2: real HTTP to a loopback server, at several concurrencies: a fixed number of requests
// per sample, `concurrency` of them in flight at once.
import { check, createClients } from './clients.mjs';
import { elapsedNs, rotate } from './stats.mjs';

export const LOOPBACK_CLIENTS = ['bare fetch', 'openapi-fetch', 'Parley operation', 'Parley .orThrow', 'Parley unified get', 'axios', 'ky'];

/** `total` calls, `concurrency` at a time; resolves to the elapsed ns. */
async function drive(call, total, concurrency) {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      await call();
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return elapsedNs(start);
}

/** Resolves to { [concurrency]: { [client]: ns per request, one per round } }. */
export async function runLoopback({ port, rounds, concurrencies, total, log }) {
  const clients = await createClients(LOOPBACK_CLIENTS, { baseUrl: `http://127.0.0.1:${port}` });
  for (const { name, call } of clients) check(name, await call());
  const samples = Object.fromEntries(concurrencies.map((c) => [c, Object.fromEntries(LOOPBACK_CLIENTS.map((name) => [name, []]))]));
  // Warm-up: JIT, and the sockets each client's pool keeps for the highest concurrency.
  for (const concurrency of concurrencies) {
    for (const { call } of clients) await drive(call, Math.max(concurrency, total(concurrency) / 2), concurrency);
  }
  for (let round = 0; round < rounds; round++) {
    for (const concurrency of concurrencies) {
      for (const { name, call } of rotate(clients, round)) {
        // Reopens any socket that idled out during the other clients' turns (axios's agent drops
        // idle sockets after 5 s), so no sample pays for connecting.
        await drive(call, concurrency, concurrency);
        samples[concurrency][name].push((await drive(call, total(concurrency), concurrency)) / total(concurrency));
      }
    }
    log(`loopback: round ${round + 1}/${rounds}`);
  }
  return samples;
}
