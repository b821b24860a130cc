// Attempts reuse AbortControllers that never aborted: a reused signal must be as good as new.
import { hang, stubFetch } from '../../../tests/kit/src/stub-fetch.js';
import { describe, expect, it } from 'vitest';
import { giveBack, takeController, type PooledController } from '../src/controllers.js';
import { createThingsClient, listThings } from './things-api.js';

describe('the controller pool', () => {
  it('gives back only unaborted controllers, and retires each after 16 attempts', () => {
    const pool: PooledController[] = [];
    const first = takeController(pool);
    giveBack(pool, first);
    expect(takeController(pool)).toBe(first);
    first.controller.abort();
    giveBack(pool, first);
    expect(pool).toEqual([]);
    const worn = takeController(pool);
    let attempts = 1;
    for (giveBack(pool, worn); pool.pop(); giveBack(pool, worn)) attempts++;
    expect(attempts).toBe(16);
    expect(pool).toEqual([]);
  });

  it('never hands a call a signal a timed-out call aborted', async () => {
    const seen: boolean[] = [];
    const fetch = stubFetch((call) => {
      seen.push(call.signal.aborted);
      return seen.length === 1 ? hang(call) : Response.json({ ok: true });
    });
    const client = createThingsClient(fetch, { retry: false });
    await expect(listThings.orThrow(client, undefined, { timeoutMs: 10 })).rejects.toMatchObject({ code: 'timeout' });
    await expect(listThings.orThrow(client)).resolves.toEqual({ ok: true });
    await expect(listThings.orThrow(client)).resolves.toEqual({ ok: true });
    expect(seen).toEqual([false, false, false]);
  });
});
