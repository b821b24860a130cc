// Scenario 3: large answers over loopback, one child process per call (large-body.mjs), clients
// and sizes interleaved across rounds like the other scenarios.
import { runScript } from './processes.mjs';
import { rotate } from './stats.mjs';

export const LARGE_CLIENTS = ['bare fetch', 'openapi-fetch', 'Parley .orThrow', 'axios', 'ky'];

/** Resolves to { [size]: { [client]: { ns: [...], rssKb: [...] } } }, one entry per round. */
export async function runLargeBodies({ port, rounds, sizes, log }) {
  const samples = Object.fromEntries(sizes.map((size) => [size, Object.fromEntries(LARGE_CLIENTS.map((name) => [name, { ns: [], rssKb: [] }]))]));
  for (let round = 0; round < rounds; round++) {
    for (const size of sizes) {
      for (const name of rotate(LARGE_CLIENTS, round)) {
        const { ns, rssKb } = await runScript('./large-body.mjs', [name, size, String(port)], ['--expose-gc']);
        samples[size][name].ns.push(ns);
        samples[size][name].rssKb.push(rssKb);
      }
    }
    log(`large bodies: round ${round + 1}/${rounds}`);
  }
  return samples;
}
