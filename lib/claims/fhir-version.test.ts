import { describe, expect, it } from 'vitest';
import { localFixture, sample } from './__fixtures__/load.test-support';
import { eobSchema } from './fhir-eob-schema';
import { detectEobVersion } from './fhir-version';

const TYPES = ['carrier', 'dme', 'hha', 'hospice', 'inpatient', 'outpatient', 'pde', 'snf'];

describe('detectEobVersion', () => {
  it.each(['v1', 'v2'] as const)('tells the %s samples by their shape', (version) => {
    for (const type of TYPES) {
      expect(detectEobVersion(eobSchema.parse(sample(`bfd-${version}-eob-${type}.json`)))).toBe(version);
    }
  });

  it('reads 2020-layout v2 data as v2 although it keeps days supply the v1 way', () => {
    expect(detectEobVersion(eobSchema.parse(localFixture('v2-pde-2020-layout.json')))).toBe('v2');
  });

  it('falls back to v2 when nothing tells the versions apart', () => {
    expect(detectEobVersion(eobSchema.parse({ resourceType: 'ExplanationOfBenefit', id: 'x' }))).toBe('v2');
  });
});
