import { describe, expect, it } from 'vitest';
import expected from './__fixtures__/expected-v2-summary.json';
import { sample } from './__fixtures__/load.test-support';
import { normalize } from './normalize';
import { summarize } from './summarize';
import { summarySchema } from './summary-types';
import type { Claim, ClaimType, Prescription } from './types';

const TYPES: ClaimType[] = ['carrier', 'dme', 'hha', 'hospice', 'inpatient', 'outpatient', 'pde', 'snf'];
const summaryOf = (...files: string[]) => summarize(normalize(files.map(sample)));
const { coverage: _coverage, ...expectedWithoutCoverage } = expected;

describe('summarize on the BFD samples (docs/money.md)', () => {
  const summary = summaryOf('bfd-v2-eob-search-bundle-all-types.json', 'bfd-v2-coverage-search-bundle.json');

  it('gives the contract figures for the v2 all-types bundle', () => {
    expect(summary.totals).toEqual({ billed: 102391.02, medicarePaid: 13148.97, youPaid: 823.35 });
  });

  it('matches the example of the contract', () => {
    expect(summary.claims).toEqual({
      count: 8,
      byType: { carrier: 1, dme: 1, hha: 1, hospice: 1, inpatient: 1, outpatient: 1, pde: 1, snf: 1 },
    });
    expect(summary.byType.carrier).toEqual({ count: 1, billed: 245.04, medicarePaid: 199.99, youPaid: 9.57 });
    expect(summary.byMonth[0]).toEqual({
      month: '1999-10',
      count: 1,
      billed: 245.04,
      medicarePaid: 199.99,
      youPaid: 9.57,
    });
    expect(summary.prescriptions).toEqual([
      {
        id: 'pde-89',
        date: '2015-05-12',
        ndc: '000000000',
        drugName: 'Fake Diluent - WATER',
        daysSupply: 30,
        refillNumber: 3,
        quantity: 60,
        totalCost: 550.0,
        planPaid: 126.99,
        youPaid: 235.85,
      },
    ]);
    expect(summary.coverage?.[0]).toEqual({
      part: 'A',
      status: 'cancelled',
      start: '2020-03-17',
      end: '2020-06-17',
    });
  });

  it('is exactly the hand-worked JSON, keys in the contract order', () => {
    expect(JSON.stringify(summary)).toBe(JSON.stringify(expected));
    expect(() => summarySchema.parse(summary)).not.toThrow();
  });

  it('gives identical summaries for v1 and v2 of the same claims', () => {
    expect(summaryOf('bfd-v1-eob-search-bundle-all-types.json')).toEqual(expectedWithoutCoverage);
  });

  it.each(TYPES)('gives identical summaries for the v1 and v2 %s samples', (type) => {
    expect(summaryOf(`bfd-v1-eob-${type}.json`)).toEqual(summaryOf(`bfd-v2-eob-${type}.json`));
  });

  it('counts claims seen twice once (overlapping pages, repeated files)', () => {
    const repeated = summaryOf(
      'bfd-v2-eob-search-bundle-all-types.json',
      'bfd-v2-eob-search-bundle-paged.json',
      'bfd-v2-eob-carrier.json',
      'bfd-v2-eob-search-bundle-all-types.json',
    );
    expect(repeated).toEqual(expectedWithoutCoverage);
  });

  it('omits coverage when no Coverage was read', () => {
    expect('coverage' in summaryOf('bfd-v2-eob-search-bundle-all-types.json')).toBe(false);
  });

  it('lists v1 coverage by part', () => {
    expect(summaryOf('bfd-v1-coverage-search-bundle.json').coverage?.map((c) => c.part)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
  });
});

function claim(id: string, type: ClaimType, month: string | null, billed: number): Claim {
  return {
    id,
    type,
    status: 'active',
    serviceStart: month && `${month}-01`,
    serviceEnd: null,
    month,
    billed,
    medicarePaid: 0,
    youPaid: 0,
    partBDeductible: 0,
    allowed: null,
    deductible: 0,
    coinsurance: 0,
    bloodDeductible: 0,
    provider: null,
    facility: null,
    careTeam: [],
    diagnoses: [],
    procedures: [],
    lines: [],
  };
}

function prescription(id: string, date: string | null): Prescription {
  return {
    id,
    date,
    ndc: null,
    drugName: null,
    daysSupply: null,
    refillNumber: null,
    quantity: null,
    totalCost: 1,
    planPaid: 0,
    youPaid: 0,
    pharmacy: null,
    prescriber: null,
    troop: { patientPaid: 0, otherTroop: 0, lowIncomeSubsidy: 0 },
    aboveOutOfPocketThreshold: 0,
  };
}

describe('summarize', () => {
  it('always lists the eight claim types', () => {
    const zero = { count: 0, billed: 0, medicarePaid: 0, youPaid: 0 };
    expect(summarize({ claims: [], prescriptions: [], coverage: [] })).toEqual({
      claims: { count: 0, byType: Object.fromEntries(TYPES.map((t) => [t, 0])) },
      totals: { billed: 0, medicarePaid: 0, youPaid: 0 },
      byType: Object.fromEntries(TYPES.map((t) => [t, zero])),
      byMonth: [],
      prescriptions: [],
    });
  });

  it('sorts months ascending and keeps undated claims in the totals only', () => {
    const claims = [
      claim('a', 'carrier', '2021-03', 1),
      claim('b', 'dme', '2019-12', 2),
      claim('c', 'snf', null, 4),
    ];
    const summary = summarize({ claims, prescriptions: [], coverage: [] });
    expect(summary.byMonth.map((m) => [m.month, m.billed])).toEqual([
      ['2019-12', 2],
      ['2021-03', 1],
    ]);
    expect(summary.totals.billed).toBe(7);
    expect(summary.claims.count).toBe(3);
  });

  it('lists prescriptions newest first, then by id descending, undated last', () => {
    const prescriptions = [
      prescription('pde-1', '2020-01-05'),
      prescription('pde-3', null),
      prescription('pde-2', '2021-07-01'),
      prescription('pde-10', '2020-01-05'),
    ];
    const summary = summarize({ claims: [], prescriptions, coverage: [] });
    expect(summary.prescriptions.map((p) => p.id)).toEqual(['pde-2', 'pde-10', 'pde-1', 'pde-3']);
  });

  it('keeps the pharmacy, prescriber and out-of-pocket details out of the summary', () => {
    const filled: Prescription = {
      ...prescription('pde-1', '2025-03-01'),
      pharmacy: { name: 'Corner Pharmacy', npi: '1234567893' },
      troop: { patientPaid: 10, otherTroop: 2, lowIncomeSubsidy: 3 },
      aboveOutOfPocketThreshold: 40,
    };
    const [listed] = summarize({ claims: [], prescriptions: [filled], coverage: [] }).prescriptions;
    expect(Object.keys(listed ?? {})).toEqual([
      'id',
      'date',
      'ndc',
      'drugName',
      'daysSupply',
      'refillNumber',
      'quantity',
      'totalCost',
      'planPaid',
      'youPaid',
    ]);
  });

  it('rounds to cents only at the end, half away from zero', () => {
    const claims = [
      claim('a', 'carrier', '2020-01', 0.005),
      claim('b', 'carrier', '2020-01', 0.005),
      claim('c', 'carrier', '2020-02', 0.005),
    ];
    const summary = summarize({ claims, prescriptions: [], coverage: [] });
    expect(summary.totals.billed).toBe(0.02);
    expect(summary.byMonth.map((m) => m.billed)).toEqual([0.01, 0.01]);
    expect(
      summarize({ claims: [claim('d', 'dme', null, 1.005)], prescriptions: [], coverage: [] }).totals.billed,
    ).toBe(1.01);
  });

  it('adds many amounts without float drift', () => {
    const claims = Array.from({ length: 10_000 }, (_, i) => claim(`c${i}`, 'carrier', '2020-01', 0.07));
    expect(summarize({ claims, prescriptions: [], coverage: [] }).totals.billed).toBe(700);
  });
});
