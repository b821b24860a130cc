import { createParleyWith } from './core.js';
import { ADAPTERS } from './generated/adapters.js';
import type { ParleyConfig } from './all.js';

/** One participants API over every provider; configure the ones you use. */
export function createParley(config: ParleyConfig = {}) {
  return createParleyWith(ADAPTERS, config);
}
