/**
 * AbortControllers for attempts, reused. Node makes each one slowly (about 2 µs, and garbage that
 * weighs at high concurrency), and an attempt that ended without aborting leaves its signal as good
 * as new. One that aborted is never given back, nor one whose answer's body is left to the caller
 * (a later abort would cut it). Each fetch that took a signal leaves an abort listener on it until
 * garbage collection, so a controller retires after `MAX_USES` attempts.
 */
export type ControllerPool = { free: AbortController[]; uses: WeakMap<AbortController, number> };

const MAX_USES = 64;

export const controllerPool = (): ControllerPool => ({ free: [], uses: new WeakMap() });

export const takeController = (pool: ControllerPool): AbortController => pool.free.pop() ?? new AbortController();

export function giveBack(pool: ControllerPool, controller: AbortController): void {
  const uses = (pool.uses.get(controller) ?? 0) + 1;
  if (controller.signal.aborted || uses >= MAX_USES) return;
  pool.uses.set(controller, uses);
  pool.free.push(controller);
}
