import { describe, expect, it } from 'vitest';
import { backoffMs, decideAfterStatus, parseRetryAfter, waitAfterTransportFault } from './retry-policy';

const settings = { total: 3, backoffFactor: 0.25, statusForcelist: [500, 502, 503, 504] };
const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('backoff', () => {
  it('waits backoffFactor * 2^(i-1) seconds before retry i, like the SDK', () => {
    expect([0, 1, 2, 3].map((i) => backoffMs(i, 5))).toEqual([2500, 5000, 10_000, 20_000]);
    expect([0, 1, 2].map((i) => backoffMs(i, 0.25))).toEqual([125, 250, 500]);
  });

  it('retries timeouts and dropped connections until total is spent', () => {
    expect([0, 1, 2, 3].map((i) => waitAfterTransportFault(i, settings))).toEqual([125, 250, 500, undefined]);
    expect(waitAfterTransportFault(0, { ...settings, total: 0 })).toBeUndefined();
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('1', NOW)).toBe(1000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores absent and unreadable values', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('-1', NOW)).toBeUndefined();
    expect(parseRetryAfter('1.5', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
  });
});

describe('decideAfterStatus', () => {
  it('retries forcelist statuses with backoff while retries remain', () => {
    expect(decideAfterStatus(503, 0, settings, undefined)).toEqual({ retry: true, waitMs: 125 });
    expect(decideAfterStatus(500, 2, settings, undefined)).toEqual({ retry: true, waitMs: 500 });
    expect(decideAfterStatus(500, 3, settings, undefined)).toEqual({ retry: false, retryAfterMs: null });
  });

  it('does not retry statuses outside the forcelist', () => {
    for (const status of [400, 401, 403, 404, 405, 406, 501]) {
      expect(decideAfterStatus(status, 0, settings, undefined).retry).toBe(false);
    }
    expect(decideAfterStatus(500, 0, { ...settings, statusForcelist: [503] }, undefined).retry).toBe(false);
  });

  it('honours Retry-After on 429, 503 and 413, even outside the forcelist', () => {
    expect(decideAfterStatus(429, 0, settings, 1000)).toEqual({ retry: true, waitMs: 1000 });
    expect(decideAfterStatus(503, 1, settings, 2000)).toEqual({ retry: true, waitMs: 2000 });
    expect(decideAfterStatus(429, 0, settings, undefined).retry).toBe(false);
    expect(decideAfterStatus(429, 0, { ...settings, statusForcelist: [429] }, undefined)).toEqual({
      retry: true,
      waitMs: 125,
    });
    expect(decideAfterStatus(500, 0, settings, 9000)).toEqual({ retry: true, waitMs: 125 });
  });

  it('fails fast when Retry-After is beyond the cap', () => {
    expect(decideAfterStatus(429, 0, settings, 120_000)).toEqual({ retry: false, retryAfterMs: 120_000 });
    expect(decideAfterStatus(429, 0, settings, 3000, 2000)).toEqual({ retry: false, retryAfterMs: 3000 });
  });
});
