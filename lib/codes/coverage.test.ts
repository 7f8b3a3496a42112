import { describe, expect, it } from 'vitest';
import { COVERAGE_TARGETS, measureCodeCoverage, share } from './coverage.test-support';

// `npm run codes` measures 200 users; a handful of users of different sizes keeps this test fast.
describe('descriptions on the sandbox claims', () => {
  const result = measureCodeCoverage([0, 1, 7, 42, 10_050]);

  it('reads a fair sample', () => {
    expect(result.claims).toBeGreaterThan(500);
    expect(result.diagnoses.total).toBeGreaterThan(1000);
    expect(result.hcpcs.total).toBeGreaterThan(100);
  });

  it('shows diagnoses and HCPCS Level II codes with a description, at or above target', () => {
    expect(share(result.diagnoses)).toBeGreaterThanOrEqual(COVERAGE_TARGETS.diagnoses);
    expect(share(result.hcpcs)).toBeGreaterThanOrEqual(COVERAGE_TARGETS.hcpcs);
  });

  it('meets the targets from the catalogues alone, without the displays the claims carry', () => {
    expect(share(result.diagnosesByCatalogue)).toBeGreaterThanOrEqual(COVERAGE_TARGETS.diagnoses);
    expect(share(result.hcpcsByCatalogue)).toBeGreaterThanOrEqual(COVERAGE_TARGETS.hcpcs);
    expect(share(result.drugsByCatalogue)).toBe(1);
    expect(result.revenueCenters.total).toBeGreaterThan(0);
    expect(share(result.revenueCenters)).toBe(1);
  });

  it('shows no CPT code with a text', () => {
    expect(result.cpt.total).toBeGreaterThan(0);
    expect(result.cpt.described).toBe(0);
  });
});
