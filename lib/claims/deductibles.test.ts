import { describe, expect, it } from 'vitest';
import { claim, fill } from './__fixtures__/build.test-support';
import { sample } from './__fixtures__/load.test-support';
import {
  PART_B_DEDUCTIBLE,
  PART_D_OUT_OF_POCKET_CAP,
  describePartB,
  describePartD,
  formatSentenceDollars,
  partBDeductible,
  partDOutOfPocket,
} from './deductibles';
import { normalize } from './normalize';

const months = (year: number, amounts: Record<string, number> = {}) =>
  Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    return { month, amount: amounts[month] ?? 0 };
  });

describe('the yearly tables', () => {
  it('holds the CMS figures', () => {
    expect(PART_B_DEDUCTIBLE).toEqual({ 2024: 240, 2025: 257, 2026: 283 });
    expect(PART_D_OUT_OF_POCKET_CAP).toEqual({ 2025: 2000, 2026: 2100 });
  });
});

describe('partBDeductible', () => {
  const claims = [
    claim('a', 'carrier', '2025-01-10', { partBDeductible: 100 }),
    claim('b', 'outpatient', '2025-03-01', { partBDeductible: 57.5 }),
    claim('c', 'dme', '2024-12-31', { partBDeductible: 50 }), // the year before
    claim('d', 'carrier', null, { partBDeductible: 30 }), // undated: in no year
    claim('e', 'inpatient', '2025-04-01', { youPaid: 1632 }), // a Part A deductible is not counted
  ];

  it('adds what the year’s claims applied and says what is left', () => {
    // 100 + 57.50 = 157.50 of 257: 99.50 left.
    const result = partBDeductible(claims, 2025);
    expect(result).toEqual({ year: 2025, applied: 157.5, deductible: 257, remaining: 99.5, met: false });
    expect(describePartB(result)).toBe(
      'You have paid $157.50 of the $257 Part B deductible for 2025, so $99.50 is left.',
    );
  });

  it('is met when exactly the deductible was applied', () => {
    const exact = [...claims, claim('f', 'carrier', '2025-11-30', { partBDeductible: 99.5 })];
    const result = partBDeductible(exact, 2025);
    expect(result).toEqual({ year: 2025, applied: 257, deductible: 257, remaining: 0, met: true });
    expect(describePartB(result)).toBe(
      'You have paid all of the $257 Part B deductible for 2025: it is met.',
    );
  });

  it('is met, with nothing left, when more than the deductible was applied', () => {
    const over = [claim('g', 'carrier', '2024-02-01', { partBDeductible: 200 }), ...claims];
    // 200 + 50 = 250 of 240.
    expect(partBDeductible(over, 2024)).toEqual({
      year: 2024,
      applied: 250,
      deductible: 240,
      remaining: 0,
      met: true,
    });
  });

  it('is not met by a cent less', () => {
    const short = [claim('h', 'carrier', '2026-06-01', { partBDeductible: 282.99 })];
    expect(partBDeductible(short, 2026)).toMatchObject({ remaining: 0.01, met: false });
  });

  it('gives nothing applied for a year without claims', () => {
    const result = partBDeductible(claims, 2026);
    expect(result).toEqual({ year: 2026, applied: 0, deductible: 283, remaining: 283, met: false });
    expect(describePartB(result)).toBe(
      'You have paid $0 of the $283 Part B deductible for 2026, so $283 is left.',
    );
  });

  it('does not know a year that is not in the table', () => {
    const later = partBDeductible([claim('i', 'carrier', '2027-01-05', { partBDeductible: 10 })], 2027);
    expect(later).toEqual({ year: 2027, applied: 10, deductible: null, remaining: null, met: null });
    expect(describePartB(later)).toBe("We don't know the Part B deductible for 2027 yet.");
    expect(describePartB(partBDeductible([], 2019))).toBe("We don't know the Part B deductible for 2019.");
  });
});

describe('partDOutOfPocket', () => {
  it('adds you paid, others paid for you and Extra Help over the year’s fills, by fill month', () => {
    const fills = [
      fill('p1', '2026-01-10', { patientPaid: 300, otherTroop: 20 }),
      fill('p2', '2026-03-02', { patientPaid: 40, lowIncomeSubsidy: 1000 }),
      fill('p3', '2026-03-28', { patientPaid: 100 }),
      fill('p4', '2025-12-31', { patientPaid: 700 }), // the year before
      fill('p5', null, { patientPaid: 50 }), // undated: in no year
    ];
    // 320 + 1040 + 100 = 1460 of 2100: 640 to go.
    const result = partDOutOfPocket(fills, 2026);
    expect(result).toEqual({
      year: 2026,
      trueOutOfPocket: 1460,
      cap: 2100,
      remaining: 640,
      reached: false,
      reachedIn: null,
      byMonth: months(2026, { '2026-01': 320, '2026-03': 1140 }),
    });
    expect(describePartD(result)).toBe(
      'You have $640 to go before you pay nothing more for covered drugs in 2026.',
    );
  });

  it('reaches the limit exactly', () => {
    const fills = [
      fill('p1', '2025-02-01', { patientPaid: 1999.9 }),
      fill('p2', '2025-09-01', { otherTroop: 0.1 }),
    ];
    const result = partDOutOfPocket(fills, 2025);
    expect(result).toMatchObject({
      trueOutOfPocket: 2000,
      cap: 2000,
      remaining: 0,
      reached: true,
      // The September fill's ten cents took the total to the limit.
      reachedIn: '2025-09',
    });
    expect(describePartD(result)).toBe(
      'You have reached the $2,000 limit for 2025, so you pay nothing more for covered drugs in 2025.',
    );
  });

  it('passes the limit, with nothing left', () => {
    const fills = [
      fill('p1', '2026-02-01', { patientPaid: 1500 }),
      fill('p2', '2026-04-01', { patientPaid: 1000 }),
    ];
    expect(partDOutOfPocket(fills, 2026)).toMatchObject({
      trueOutOfPocket: 2500,
      cap: 2100,
      remaining: 0,
      reached: true,
      // $1,500 by February, $2,500 by April.
      reachedIn: '2026-04',
    });
  });

  it('counts a year whose fills only Extra Help paid', () => {
    const fills = [
      fill('p1', '2025-05-05', { lowIncomeSubsidy: 12.4 }),
      fill('p2', '2025-05-20', { lowIncomeSubsidy: 3.6 }),
    ];
    const result = partDOutOfPocket(fills, 2025);
    expect(result).toEqual({
      year: 2025,
      trueOutOfPocket: 16,
      cap: 2000,
      remaining: 1984,
      reached: false,
      reachedIn: null,
      byMonth: months(2025, { '2025-05': 16 }),
    });
    expect(describePartD(result)).toBe(
      'You have $1,984 to go before you pay nothing more for covered drugs in 2025.',
    );
  });

  it('has no limit before 2025 and does not know one after the table', () => {
    const before = partDOutOfPocket([fill('p1', '2024-06-01', { patientPaid: 9000 })], 2024);
    expect(before).toMatchObject({ trueOutOfPocket: 9000, cap: null, remaining: null, reached: null });
    expect(describePartD(before)).toBe(
      'There was no yearly limit on what you pay for covered drugs in 2024: the limit started in 2025.',
    );
    const after = partDOutOfPocket([], 2027);
    expect(after).toEqual({
      year: 2027,
      trueOutOfPocket: 0,
      cap: null,
      remaining: null,
      reached: null,
      reachedIn: null,
      byMonth: months(2027),
    });
    expect(describePartD(after)).toBe(
      "We don't know the yearly limit on what you pay for covered drugs in 2027 yet.",
    );
  });
});

describe('formatSentenceDollars', () => {
  it.each([
    [257, '$257'],
    [2000, '$2,000'],
    [0, '$0'],
    [1234.56, '$1,234.56'],
    [1234.5, '$1,234.50'],
    [0.5, '$0.50'],
    [99.999, '$100'],
    [0.005, '$0.01'],
    [1_000_000.1, '$1,000,000.10'],
  ])('writes %d as %s: whole dollars without cents, anything else with two decimals', (amount, text) => {
    expect(formatSentenceDollars(amount)).toBe(text);
  });
});

describe('on the CMS samples', () => {
  const data = (version: 'v1' | 'v2') =>
    normalize([sample(`bfd-${version}-eob-search-bundle-all-types.json`)]);

  it.each(['v1', 'v2'] as const)('reads the new fields of the %s bundle', (version) => {
    const { claims, prescriptions } = data(version);
    expect(Object.fromEntries(claims.map((c) => [c.type, c.partBDeductible]))).toEqual({
      carrier: 0,
      dme: 18,
      hha: 0,
      hospice: 0,
      inpatient: 0,
      outpatient: 112,
      pde: 0,
      snf: 0,
    });
    expect(prescriptions.map((p) => [p.troop, p.aboveOutOfPocketThreshold])).toEqual([
      [{ patientPaid: 235.85, otherTroop: 17.3, lowIncomeSubsidy: 122.23 }, 15.25],
    ]);
  });

  it('gives the same figures for v1 and v2, in years outside the tables', () => {
    for (const version of ['v1', 'v2'] as const) {
      const { claims, prescriptions } = data(version);
      // The DME claim of 2014-02-03 applied 18; the hospice claim of 2014 nothing.
      expect(partBDeductible(claims, 2014)).toEqual({
        year: 2014,
        applied: 18,
        deductible: null,
        remaining: null,
        met: null,
      });
      expect(partBDeductible(claims, 2011).applied).toBe(112);
      // One fill on 2015-05-12: 235.85 + 17.30 + 122.23 = 375.38.
      expect(partDOutOfPocket(prescriptions, 2015)).toEqual({
        year: 2015,
        trueOutOfPocket: 375.38,
        cap: null,
        remaining: null,
        reached: null,
        reachedIn: null,
        byMonth: months(2015, { '2015-05': 375.38 }),
      });
    }
  });
});
