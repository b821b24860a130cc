// Samples are nanoseconds per operation: the minimum is what the code costs on this machine, the
// median what to expect on a shared one.
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, n: sorted.length };
}

/** Round r's order: the list rotated by r, so no client always runs first or right after another. */
export const rotate = (list, r) => list.map((_, i) => list[(i + r) % list.length]);

export const elapsedNs = (start) => Number(process.hrtime.bigint() - start);
