import { describe, expect, it } from 'vitest';
import { benchmarkNormalize } from './benchmark-normalize.test-support';

// Only that the measurement runs and counts what it should: timings are reported by `npm run bench`, never asserted.
describe('benchmarkNormalize', () => {
  it('normalizes every generated EOB, page by page', async () => {
    const result = await benchmarkNormalize(120, 50);
    expect(result).toMatchObject({ eobs: 120, pages: 3, claims: 120 });
    for (const value of [
      result.parseCpuMs,
      result.normalizeCpuMs,
      result.wallMs,
      result.peakRssMb,
      result.heapUsedMb,
    ]) {
      expect(Number.isFinite(value)).toBe(true);
    }
  });
});
