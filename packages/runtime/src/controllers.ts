/**
 * AbortControllers for attempts, reused. Node makes each one slowly (about 2 µs, and garbage that
 * weighs at high concurrency), and an attempt that ended without aborting leaves its signal as good
 * as new. One that aborted is never given back, nor one whose answer's body is left to the caller
 * (a later abort would cut it). Each fetch that took a signal leaves an abort listener on it until
 * garbage collection (and undici counts them on every request), so a controller retires after
 * `MAX_USES` attempts.
 */
export type PooledController = { controller: AbortController; uses: number };

const MAX_USES = 16;

export const takeController = (pool: PooledController[]): PooledController => pool.pop() ?? { controller: new AbortController(), uses: 0 };

export function giveBack(pool: PooledController[], pooled: PooledController): void {
  if (!pooled.controller.signal.aborted && ++pooled.uses < MAX_USES) pool.push(pooled);
}
