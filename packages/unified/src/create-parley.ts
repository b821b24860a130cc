import { birdAdapter } from './adapters/bird.js';
import { nexudusAdapter } from './adapters/nexudus.js';
import { softwareOneAdapter } from './adapters/softwareone.js';
import { createParleyWith, type Parley, type ParleyConfig } from './core.js';

/** One participants API over all three providers; configure the ones you use. */
export function createParley(config: ParleyConfig = {}): Parley {
  return createParleyWith([softwareOneAdapter, birdAdapter, nexudusAdapter], config);
}
