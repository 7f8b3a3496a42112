import { describe, expect, it } from 'vitest';
import { fill } from './__fixtures__/build.test-support';
import {
  ADHERENCE_EXPLANATION,
  drugLabel,
  describeSwitch,
  drugHistories,
  drugKey,
  ingredientOf,
  lateRefills,
  proportionOfDaysCovered,
  switches,
  type DrugHistory,
} from './adherence';
import type { Prescription } from './types';

const LISINOPRIL = { ndc: '68180051301', drugName: 'Lisinopril - LISINOPRIL' };

/** A fill of `drug` on `date` with `daysSupply` days, you paid `youPaid`. */
function rx(
  id: string,
  date: string | null,
  daysSupply: number | null,
  drug: Partial<Prescription> = LISINOPRIL,
  youPaid = 0,
): Prescription {
  return fill(id, date, { patientPaid: youPaid }, { daysSupply, ...drug });
}

/** The one history of fills of a single drug. */
function historyOf(fills: Prescription[], today: string): DrugHistory {
  const histories = drugHistories(fills, today);
  expect(histories).toHaveLength(1);
  return histories[0]!;
}

// Day numbers in 2025 used below: day 1 = Jan 1, day 21 = Jan 21, day 31 = Jan 31, day 38 = Feb 7,
// day 39 = Feb 8, day 51 = Feb 20, day 59 = Feb 28, day 60 = Mar 1, day 61 = Mar 2, day 62 = Mar 3,
// day 69 = Mar 10, day 90 = Mar 31, day 100 = Apr 10.

describe('drugKey and ingredientOf', () => {
  it('keys by NDC, else by the normalized name, and none without either', () => {
    expect(drugKey(rx('a', '2025-01-01', 30))).toBe('ndc:68180051301');
    expect(drugKey(rx('b', '2025-01-01', 30, { drugName: '  Lisinopril   10 MG ' }))).toBe(
      'name:lisinopril 10 mg',
    );
    // CMS's synthetic samples carry the placeholder NDC 000000000: it identifies no product.
    expect(drugKey(rx('c', '2025-01-01', 30, { ndc: '000000000', drugName: 'Fake Diluent - WATER' }))).toBe(
      'name:fake diluent - water',
    );
    expect(drugKey(rx('d', '2025-01-01', 30, { ndc: null, drugName: null }))).toBeNull();
  });

  it('takes the generic after " - ", else the whole name lower-cased', () => {
    const amlodipine = { drugName: 'Amlodipine Besylate - AMLODIPINE BESYLATE' };
    expect(ingredientOf(rx('a', '2025-01-01', 30, amlodipine))).toBe('AMLODIPINE BESYLATE');
    expect(ingredientOf(rx('b', '2025-01-01', 30, { drugName: 'Depo-Medrol - methylprednisolone' }))).toBe(
      'METHYLPREDNISOLONE',
    );
    expect(ingredientOf(rx('c', '2025-01-01', 30, { drugName: 'Lisinopril 10 MG' }))).toBe(
      'lisinopril 10 mg',
    );
    expect(ingredientOf(rx('d', '2025-01-01', 30, { drugName: null }))).toBe('');
  });
});

describe('drugLabel', () => {
  it('names the product with its generic when they differ, the product alone when they are the same', () => {
    expect(drugLabel('Eliquis - APIXABAN')).toBe('Eliquis (apixaban)');
    expect(drugLabel('Lisinopril - LISINOPRIL')).toBe('Lisinopril');
    expect(drugLabel('Spiriva HandiHaler - TIOTROPIUM BROMIDE MONOHYDRATE')).toBe(
      'Spiriva HandiHaler (tiotropium bromide monohydrate)',
    );
    expect(drugLabel('  Lisinopril   10 MG ')).toBe('Lisinopril 10 MG');
    expect(drugLabel('Humalog - insulin lispro')).toBe('Humalog (insulin lispro)');
  });
});

describe('drugHistories', () => {
  it('groups fills per product, oldest fill first, newest drug first', () => {
    const simvastatin = { ndc: '00093715398', drugName: 'Simvastatin - SIMVASTATIN' };
    const histories = drugHistories(
      [
        rx('b', '2025-02-01', 30, LISINOPRIL, 4.2),
        rx('a', '2025-01-01', 30, LISINOPRIL, 4.2),
        rx('s', '2025-01-15', 90, simvastatin, 10),
        rx('u', null, 30), // undated: left out
        rx('n', '2025-01-10', 30, { ndc: null, drugName: null }), // no drug: left out
      ],
      '2025-02-10',
    );
    expect(histories.map((h) => h.key)).toEqual(['ndc:68180051301', 'ndc:00093715398']);
    expect(histories[0]).toEqual({
      key: 'ndc:68180051301',
      name: 'Lisinopril - LISINOPRIL',
      generic: 'LISINOPRIL',
      ndc: '68180051301',
      fills: [
        { date: '2025-01-01', daysSupply: 30, youPaid: 4.2, pharmacy: null },
        { date: '2025-02-01', daysSupply: 30, youPaid: 4.2, pharmacy: null },
      ],
      firstFill: '2025-01-01',
      lastFill: '2025-02-01',
      fillCount: 2,
      totalYouPaid: 8.4, // 4.20 + 4.20
      lastDaysSupply: 30,
      status: 'active',
    });
  });

  it('is stopped only after more than twice the last days supply', () => {
    // Last fill Jan 1 (day 1) for 30 days: twice is 60 days. Mar 2 (day 61) is 60 days on: still active;
    // Mar 3 (day 62) is 61 days on: stopped.
    const fills = [rx('a', '2024-12-02', 30), rx('b', '2025-01-01', 30)];
    expect(historyOf(fills, '2025-03-02').status).toBe('active');
    expect(historyOf(fills, '2025-03-03').status).toBe('stopped');
    // Without a days supply on the last fill, 30 days are assumed: the same boundary.
    const unknown = [rx('a', '2025-01-01', null)];
    expect(historyOf(unknown, '2025-03-02').status).toBe('active');
    expect(historyOf(unknown, '2025-03-03').status).toBe('stopped');
  });

  it('throws on a today of another shape', () => {
    expect(() => drugHistories([], '2025-02-30')).toThrow(RangeError);
  });
});

describe('lateRefills', () => {
  it('flags a refill 8 days after the supply ran out, not one 7 days after', () => {
    // Jan 1 (day 1) + 30 days runs out on day 31. Feb 8 is day 39: 39 - 31 = 8 days late.
    expect(
      lateRefills(historyOf([rx('a', '2025-01-01', 30), rx('b', '2025-02-08', 30)], '2025-02-10')),
    ).toEqual([{ date: '2025-02-08', daysLate: 8 }]);
    // Feb 7 is day 38: 38 - 31 = 7 days late, within the grace.
    expect(
      lateRefills(historyOf([rx('a', '2025-01-01', 30), rx('b', '2025-02-07', 30)], '2025-02-10')),
    ).toEqual([]);
  });

  it('carries an early refill’s supply forward', () => {
    // Jan 1 (day 1) 30 days: covered to day 30. Jan 21 (day 21) 30 days, shifted to start on day 31: covered to
    // day 60, runs out day 61. Mar 10 is day 69: 69 - 61 = 8 days late (not 69 - 51 = 18 from the fill date alone).
    const fills = [rx('a', '2025-01-01', 30), rx('b', '2025-01-21', 30), rx('c', '2025-03-10', 30)];
    expect(lateRefills(historyOf(fills, '2025-03-31'))).toEqual([{ date: '2025-03-10', daysLate: 8 }]);
  });
});

describe('proportionOfDaysCovered', () => {
  const pdc = (fills: Prescription[], today: string) =>
    proportionOfDaysCovered(historyOf(fills, today), today);

  it('is 1 for back-to-back fills with no overlap', () => {
    // Fills on day 1, 31 and 61, 30 days each: days 1–30, 31–60, 61–90. To Mar 31 (day 90): 90 / 90 = 1.
    expect(
      pdc([rx('a', '2025-01-01', 30), rx('b', '2025-01-31', 30), rx('c', '2025-03-02', 30)], '2025-03-31'),
    ).toBe(1);
  });

  it('shifts an overlapping fill forward instead of counting days twice', () => {
    // Day 1 covers days 1–30; day 21 would cover 21–50 but is shifted to 31–60. To day 90: 60 / 90 = 2/3
    // (without shifting the overlap would count 50 days).
    expect(pdc([rx('a', '2025-01-01', 30), rx('b', '2025-01-21', 30)], '2025-03-31')).toBeCloseTo(2 / 3, 12);
  });

  it('leaves a gap uncovered', () => {
    // Day 1 covers days 1–30, day 51 (Feb 20) covers 51–80; days 31–50 and 81–100 are not covered.
    // To Apr 10 (day 100): 60 / 100 = 0.6.
    expect(pdc([rx('a', '2025-01-01', 30), rx('b', '2025-02-20', 30)], '2025-04-10')).toBeCloseTo(0.6, 12);
  });

  it('caps supply at today and the result at 1', () => {
    // Day 1 for 90 days covers days 1–90; day 31 for 90 days is shifted to 91–180, past today (day 90).
    // Covered 90 of 90 days: 1, not 180 / 90.
    expect(pdc([rx('a', '2025-01-01', 90), rx('b', '2025-01-31', 90)], '2025-03-31')).toBe(1);
  });

  it('is null with fewer than two fills on different dates in the period', () => {
    expect(pdc([rx('a', '2025-01-01', 30)], '2025-03-31')).toBeNull();
    expect(pdc([rx('a', '2025-01-01', 30), rx('b', '2025-01-01', 30)], '2025-03-31')).toBeNull();
    // The 365 days ending 2025-12-31 start on 2025-01-01: a fill on 2024-12-31 is outside, one fill left.
    expect(pdc([rx('a', '2024-12-31', 30), rx('b', '2025-12-01', 30)], '2025-12-31')).toBeNull();
  });

  it('starts the period at the first fill within the last 12 months', () => {
    // Window 2025-01-01 to 2025-12-31; the 2024-12-01 fill is before it. Index date Dec 1 (period 31 days):
    // Dec 1 covers Dec 1–15 (15 days), Dec 20 covers Dec 20–31 of its 30 (12 days). 27 / 31.
    const fills = [rx('a', '2024-12-01', 30), rx('b', '2025-12-01', 15), rx('c', '2025-12-20', 30)];
    expect(pdc(fills, '2025-12-31')).toBeCloseTo(27 / 31, 12);
  });

  it('comes with its explanation', () => {
    expect(ADHERENCE_EXPLANATION).toBe('80 % or more is generally considered taking it as prescribed.');
  });
});

describe('switches', () => {
  const zocor = { ndc: '00006074031', drugName: 'Zocor - SIMVASTATIN' };
  const simvastatin = { ndc: '00093715398', drugName: 'Simvastatin - SIMVASTATIN' };

  it('finds a switch to another product of the same ingredient', () => {
    // Zocor last filled Feb 1; generic simvastatin first filled Mar 1, after it: switched on Mar 1.
    const histories = drugHistories(
      [
        rx('a', '2025-01-01', 30, zocor),
        rx('b', '2025-02-01', 30, zocor),
        rx('c', '2025-03-01', 30, simvastatin),
        rx('d', '2025-04-01', 30, simvastatin),
        rx('e', '2025-01-01', 30), // lisinopril: another ingredient
      ],
      '2025-04-10',
    );
    const found = switches(histories);
    expect(found).toEqual([{ from: 'ndc:00006074031', to: 'ndc:00093715398', date: '2025-03-01' }]);
    expect(describeSwitch(found[0]!, histories)).toBe(
      'Switched from Zocor - SIMVASTATIN to Simvastatin - SIMVASTATIN',
    );
  });

  it('counts neither refills of the same product nor two products filled side by side', () => {
    const refills = [rx('a', '2025-01-01', 30), rx('b', '2025-02-01', 30), rx('c', '2025-03-01', 30)];
    expect(switches(drugHistories(refills, '2025-03-10'))).toEqual([]);
    // Generic first filled Feb 1, but Zocor was filled again on Mar 1: both taken, no switch.
    const sideBySide = [
      rx('a', '2025-01-01', 30, zocor),
      rx('b', '2025-02-01', 30, simvastatin),
      rx('c', '2025-03-01', 30, zocor),
    ];
    expect(switches(drugHistories(sideBySide, '2025-03-10'))).toEqual([]);
  });
});
