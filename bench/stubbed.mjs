// Scenario 1: no sockets. Every client's fetch is a stub answering a fresh Response, so what is
// measured is client code: building the request, reading and parsing the answer.
import { check, createClients } from './clients.mjs';
import { participantJson } from './fixture.mjs';
import { elapsedNs, rotate } from './stats.mjs';

const headers = { 'content-type': 'application/json' };
const stub = async () => new Response(participantJson, { headers });

export const STUBBED_CLIENTS = ['bare fetch', 'openapi-fetch', 'Parley operation', 'Parley .orThrow', 'Parley unified get', 'axios', 'ky'];

/** Resolves to { [client]: ns per op, one per round }; each sample is `batch` sequential calls. */
export async function runStubbed({ rounds, batch, warmup, log }) {
  const clients = await createClients(STUBBED_CLIENTS, { baseUrl: 'https://api.bird.com', fetch: stub });
  for (const { name, call } of clients) {
    for (let i = 0; i < warmup; i++) check(name, await call());
  }
  const samples = Object.fromEntries(STUBBED_CLIENTS.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const { name, call } of rotate(clients, round)) {
      // A macrotask between samples lets timers and finalizers left by the previous client run now,
      // not inside the next client's sample.
      await new Promise(setImmediate);
      const start = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) await call();
      samples[name].push(elapsedNs(start) / batch);
    }
    log(`stubbed: round ${round + 1}/${rounds}`);
  }
  return samples;
}
