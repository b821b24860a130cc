import { describe, expect, it } from 'vitest';
import { RETRY_DEFAULTS } from '../src/index.js';
import { backoffDelay, parseRetryAfter } from '../src/internal.js';

describe('backoffDelay', () => {
  it('doubles from 0.5 s up to the 8 s cap, with full jitter', () => {
    const ceiling = (retry: number) => backoffDelay(retry, RETRY_DEFAULTS, () => 1);
    expect([1, 2, 3, 4, 5, 6, 10].map(ceiling)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffDelay(3, RETRY_DEFAULTS, () => 0)).toBe(0);
    expect(backoffDelay(3, RETRY_DEFAULTS, () => 0.5)).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
  });

  it('reads an HTTP date, and a date in the past as no wait', () => {
    expect(parseRetryAfter('Sat, 21 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable value', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
