import { describe, expect, it } from 'vitest';
import { CLAIM_TYPE_CATALOGUE, CLAIM_TYPE_LIST, claimTypeInfo } from './catalogue';
import { CLAIM_TYPES } from './types';

describe('the claim-type catalogue', () => {
  it('names every claim type in plain language', () => {
    expect(Object.fromEntries(CLAIM_TYPE_LIST.map((info) => [info.type, info.label]))).toEqual({
      carrier: 'Doctor and clinic visits',
      dme: 'Medical equipment',
      hha: 'Home health',
      hospice: 'Hospice',
      inpatient: 'Hospital stays',
      outpatient: 'Hospital outpatient',
      pde: 'Prescriptions',
      snf: 'Skilled nursing facility',
    });
  });

  it.each(CLAIM_TYPES)('gives %s one sentence and a CSS variable colour', (type) => {
    const info = claimTypeInfo(type);
    expect(info).toBe(CLAIM_TYPE_CATALOGUE[type]);
    expect(info.description).toMatch(/^[A-Z][^.]*\.$/);
    expect(info.color).toBe(`var(--chart-${type})`);
  });
});
