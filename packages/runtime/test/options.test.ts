// Client and per-call options are checked before anything is sent: a bad one is an
// `invalid_input` error naming the option, and the stub fetch proves no request left.
import { stubFetch } from '../../../tests/kit/src/stub-fetch.js';
import { describe, expect, it } from 'vitest';
import type { ClientOptions } from '../src/index.js';
import { createThingsClient, listThings } from './things-api.js';

const fetch = stubFetch(Response.json({ ok: true }));
const sent = fetch.calls;
const create = (options: ClientOptions = {}) => createThingsClient(fetch, options);

const badTimeouts: unknown[] = [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '100'];
const badRetries: [unknown, string][] = [
  ['yes', 'retry'],
  [{ maxRetries: -1 }, 'retry.maxRetries'],
  [{ maxRetries: 1.5 }, 'retry.maxRetries'],
  [{ retries: 3 }, 'retry.retries'],
  [{ baseDelayMs: Number.NaN }, 'retry.baseDelayMs'],
  [{ maxDelayMs: '8000' }, 'retry.maxDelayMs'],
  [{ maxRetryAfterMs: 2 ** 31 }, 'retry.maxRetryAfterMs'],
];

describe('client options', () => {
  it.each(badTimeouts)('refuses timeoutMs %s', (timeoutMs) => {
    expect(() => create({ timeoutMs: timeoutMs as number })).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'timeoutMs' }));
  });

  it.each(badRetries)('refuses retry %j', (retry, field) => {
    expect(() => create({ retry: retry as ClientOptions['retry'] })).toThrow(expect.objectContaining({ code: 'invalid_input', field }));
  });

  it('takes undefined fields as the defaults', async () => {
    const client = create({ timeoutMs: undefined, retry: { maxRetries: undefined } });
    await expect(listThings.orThrow(client)).resolves.toEqual({ ok: true });
  });
});

describe('per-call options', () => {
  it.each(badTimeouts)('refuses timeoutMs %s without sending', async (timeoutMs) => {
    const before = sent.length;
    await expect(listThings(create(), undefined, { timeoutMs: timeoutMs as number })).rejects.toMatchObject({ code: 'invalid_input', field: 'timeoutMs' });
    expect(sent.length).toBe(before);
  });

  it.each(badRetries)('refuses retry %j without sending', async (retry, field) => {
    const before = sent.length;
    await expect(listThings(create(), undefined, { retry: retry as ClientOptions['retry'] })).rejects.toMatchObject({ code: 'invalid_input', field });
    expect(sent.length).toBe(before);
  });

  it('accepts good ones and sends', async () => {
    const before = sent.length;
    await expect(listThings.orThrow(create(), undefined, { timeoutMs: 1_000, retry: { maxRetries: 0 } })).resolves.toEqual({ ok: true });
    expect(sent.length).toBe(before + 1);
  });
});
