import { describe, expect, it } from 'vitest';
import { claim } from './__fixtures__/build.test-support';
import {
  monthlyByKind,
  monthlySpending,
  paidOverTime,
  spendingByKind,
  totalsFor,
  yearOverYear,
} from './dashboard-series';
import { CLAIM_TYPES, type ClaimType } from './types';

// Today is 2026-01-15: the last 12 months are Feb 2025 .. Jan 2026.
const TODAY = '2026-01-15';
const CLAIMS = [
  claim('c1', 'carrier', '2026-01-10', { billed: 200, medicarePaid: 120, youPaid: 30 }),
  claim('c2', 'inpatient', '2025-02-01', { billed: 10000, medicarePaid: 8000, youPaid: 1600 }), // first day in
  claim('c3', 'carrier', '2025-01-31', { billed: 100, medicarePaid: 60, youPaid: 15 }), // last day out
  claim('c4', 'pde', '2025-07-04', { billed: 90, medicarePaid: 50, youPaid: 40 }),
  claim('c5', 'snf', null, { billed: 500, medicarePaid: 400, youPaid: 100 }), // undated
  claim('c6', 'dme', '2024-12-20', { billed: 80, medicarePaid: 40, youPaid: 10.5 }),
  claim('c7', 'outpatient', '2025-12-31', { billed: 300, medicarePaid: 0.1, youPaid: 0.2 }),
];

const zeros = (): Record<ClaimType, number> =>
  Object.fromEntries(CLAIM_TYPES.map((type) => [type, 0])) as Record<ClaimType, number>;

describe('totalsFor', () => {
  it('counts the last 12 months: c1, c2, c4 and c7, not the day before nor the undated claim', () => {
    // billed 200 + 10000 + 90 + 300; Medicare 120 + 8000 + 50 + 0.1; you 30 + 1600 + 40 + 0.2.
    expect(totalsFor(CLAIMS, { kind: '12m' }, TODAY)).toEqual({
      count: 4,
      billed: 10590,
      medicarePaid: 8170.1,
      youPaid: 1670.2,
      spending: 9840.3,
    });
  });

  it('counts one calendar year: c2, c3, c4 and c7 in 2025', () => {
    expect(totalsFor(CLAIMS, { kind: 'year', year: 2025 }, TODAY)).toEqual({
      count: 4,
      billed: 10490,
      medicarePaid: 8110.1,
      youPaid: 1655.2,
      spending: 9765.3,
    });
    expect(totalsFor(CLAIMS, { kind: 'year', year: 2024 }, TODAY)).toEqual({
      count: 1,
      billed: 80,
      medicarePaid: 40,
      youPaid: 10.5,
      spending: 50.5,
    });
  });

  it('counts every claim for all years, the undated one too', () => {
    expect(totalsFor(CLAIMS, { kind: 'all' }, TODAY)).toEqual({
      count: 7,
      billed: 11270,
      medicarePaid: 8670.1,
      youPaid: 1795.7,
      spending: 10465.8,
    });
  });

  it('gives zeros for a period without claims', () => {
    expect(totalsFor(CLAIMS, { kind: 'year', year: 2019 }, TODAY)).toEqual({
      count: 0,
      billed: 0,
      medicarePaid: 0,
      youPaid: 0,
      spending: 0,
    });
  });

  it('rounds to cents only at the end', () => {
    const tiny = ['a', 'b', 'c'].map((id) => claim(id, 'carrier', '2025-06-01', { billed: 0.005 }));
    // 3 × 0.005 = 0.015, rounded half away from zero: 0.02 (each rounded first would give 0.03).
    expect(totalsFor(tiny, { kind: 'all' }, TODAY).billed).toBe(0.02);
  });
});

describe('monthlySpending', () => {
  it('gives the months ending with today, oldest first, months without claims as zeros', () => {
    expect(monthlySpending(CLAIMS, TODAY, 3)).toEqual([
      { month: '2025-11', label: 'Nov 2025', medicarePaid: 0, youPaid: 0 },
      { month: '2025-12', label: 'Dec 2025', medicarePaid: 0.1, youPaid: 0.2 },
      { month: '2026-01', label: 'Jan 2026', medicarePaid: 120, youPaid: 30 },
    ]);
  });

  it('gives 24 months by default, across two year boundaries', () => {
    const months = monthlySpending(CLAIMS, TODAY);
    expect(months).toHaveLength(24);
    expect(months[0]?.month).toBe('2024-02');
    expect(months[23]?.month).toBe('2026-01');
    expect(months.find((m) => m.month === '2024-12')).toEqual({
      month: '2024-12',
      label: 'Dec 2024',
      medicarePaid: 40,
      youPaid: 10.5,
    });
    expect(months.find((m) => m.month === '2025-01')).toMatchObject({ medicarePaid: 60, youPaid: 15 });
    // Every dated claim of the window, never the undated one: 120+8000+60+50+40+0.1.
    expect(months.reduce((sum, m) => sum + m.medicarePaid, 0)).toBeCloseTo(8270.1, 6);
  });

  it('gives nothing for no months', () => {
    expect(monthlySpending(CLAIMS, TODAY, 0)).toEqual([]);
    expect(monthlySpending(CLAIMS, TODAY, -3)).toEqual([]);
  });
});

describe('spendingByKind', () => {
  it('lists the kinds with claims in the period, largest spending first, with the catalogue names', () => {
    expect(spendingByKind(CLAIMS, { kind: '12m' }, TODAY)).toEqual([
      {
        type: 'inpatient',
        label: 'Hospital stays',
        part: 'Part A',
        color: 'var(--care-inpatient)',
        count: 1,
        billed: 10000,
        medicarePaid: 8000,
        youPaid: 1600,
        spending: 9600,
      },
      {
        type: 'carrier',
        label: 'Doctor and clinic visits',
        part: 'Part B',
        color: 'var(--care-carrier)',
        count: 1,
        billed: 200,
        medicarePaid: 120,
        youPaid: 30,
        spending: 150,
      },
      {
        type: 'pde',
        label: 'Prescriptions',
        part: 'Part D',
        color: 'var(--care-pde)',
        count: 1,
        billed: 90,
        medicarePaid: 50,
        youPaid: 40,
        spending: 90,
      },
      {
        type: 'outpatient',
        label: 'Hospital outpatient',
        part: 'Part B',
        color: 'var(--care-outpatient)',
        count: 1,
        billed: 300,
        medicarePaid: 0.1,
        youPaid: 0.2,
        spending: 0.3,
      },
    ]);
  });

  it('adds up claims of the same kind and counts the undated ones for all years', () => {
    const all = spendingByKind(CLAIMS, { kind: 'all' }, TODAY);
    expect(all.map((k) => [k.type, k.count, k.spending])).toEqual([
      ['inpatient', 1, 9600],
      ['snf', 1, 500],
      ['carrier', 2, 225],
      ['pde', 1, 90],
      ['dme', 1, 50.5],
      ['outpatient', 1, 0.3],
    ]);
  });

  it('keeps claim-type order between kinds that spent the same', () => {
    const tied = [
      claim('s', 'snf', '2025-03-01', { medicarePaid: 100 }),
      claim('h', 'hha', '2025-03-02', { medicarePaid: 60, youPaid: 40 }),
      claim('d', 'dme', '2025-03-03', { youPaid: 100 }),
    ];
    expect(spendingByKind(tied, { kind: 'year', year: 2025 }, TODAY).map((k) => k.type)).toEqual([
      'dme',
      'hha',
      'snf',
    ]);
  });

  it('is empty for a period without claims', () => {
    expect(spendingByKind(CLAIMS, { kind: 'year', year: 2019 }, TODAY)).toEqual([]);
  });
});

describe('monthlyByKind', () => {
  it('gives every month of the last 12 months with every kind, zeros included', () => {
    const { months, kinds } = monthlyByKind(CLAIMS, { kind: '12m' }, TODAY);
    expect(months.map((m) => m.month)).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(months[0]).toEqual({
      month: '2025-02',
      label: 'Feb 2025',
      values: { ...zeros(), inpatient: 9600 },
    });
    expect(months[1]).toEqual({ month: '2025-03', label: 'Mar 2025', values: zeros() });
    expect(months[10]?.values).toEqual({ ...zeros(), outpatient: 0.3 });
    expect(kinds).toEqual(['inpatient', 'carrier', 'pde', 'outpatient']);
  });

  it('spans the first to the last month with claims for all years, leaving out undated claims', () => {
    const claims = [
      claim('a', 'pde', '2025-01-20', { medicarePaid: 20 }),
      claim('b', 'carrier', '2024-11-02', { medicarePaid: 10, youPaid: 5 }),
      claim('c', 'carrier', '2024-11-30', { medicarePaid: 1 }),
      claim('d', 'snf', null, { medicarePaid: 999 }),
    ];
    expect(monthlyByKind(claims, { kind: 'all' }, TODAY)).toEqual({
      months: [
        { month: '2024-11', label: 'Nov 2024', values: { ...zeros(), carrier: 16 } },
        { month: '2024-12', label: 'Dec 2024', values: zeros() },
        { month: '2025-01', label: 'Jan 2025', values: { ...zeros(), pde: 20 } },
      ],
      kinds: ['pde', 'carrier'],
    });
  });

  it('has no months for all years when no claim is dated', () => {
    expect(monthlyByKind([claim('d', 'snf', null, { medicarePaid: 1 })], { kind: 'all' }, TODAY)).toEqual({
      months: [],
      kinds: [],
    });
  });
});

describe('paidOverTime', () => {
  it('gives each month of a year', () => {
    const months = paidOverTime(CLAIMS, { kind: 'year', year: 2024 }, TODAY);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2024-01', label: 'Jan 2024', medicarePaid: 0, youPaid: 0 });
    expect(months[11]).toEqual({ month: '2024-12', label: 'Dec 2024', medicarePaid: 40, youPaid: 10.5 });
  });

  it('gives the first to the last month with claims for all years', () => {
    const months = paidOverTime(CLAIMS, { kind: 'all' }, TODAY);
    expect(months.map((m) => m.month)[0]).toBe('2024-12');
    expect(months.map((m) => m.month).at(-1)).toBe('2026-01');
    expect(months).toHaveLength(14);
  });
});

describe('yearOverYear', () => {
  it('gives each year with claims, oldest first, undated claims in none', () => {
    expect(yearOverYear(CLAIMS)).toEqual([
      { year: 2024, count: 1, billed: 80, medicarePaid: 40, youPaid: 10.5 },
      { year: 2025, count: 4, billed: 10490, medicarePaid: 8110.1, youPaid: 1655.2 },
      { year: 2026, count: 1, billed: 200, medicarePaid: 120, youPaid: 30 },
    ]);
    expect(yearOverYear([])).toEqual([]);
  });
});
