import { describe, expect, it } from 'vitest';
import { coverage } from './__fixtures__/build.test-support';
import { sample } from './__fixtures__/load.test-support';
import { monthsBetween } from './calendar';
import { coverageSummary, describeCostSharing, describeDual, monthRanges } from './coverage-summary';
import { normalize } from './normalize';

const TODAY = '2026-05-31';

describe('coverageSummary', () => {
  it('gives parts A to D with plain names; a missing part is not active and has nothing else', () => {
    const parts = [
      coverage('B', { status: 'cancelled', start: '2019-01-01', end: '2022-06-30' }),
      coverage('A', { start: '2019-01-01' }),
      coverage('C', { contractIds: ['H1234'], planIds: ['001'] }),
    ];
    expect(coverageSummary(parts, TODAY)).toEqual([
      {
        part: 'A',
        name: 'Hospital insurance (Part A)',
        active: true,
        status: 'active',
        start: '2019-01-01',
        end: null,
        contractIds: [],
        planIds: [],
        dualMonths: [],
        costSharingMonths: [],
      },
      {
        part: 'B',
        name: 'Medical insurance (Part B)',
        active: false,
        status: 'cancelled',
        start: '2019-01-01',
        end: '2022-06-30',
        contractIds: [],
        planIds: [],
        dualMonths: [],
        costSharingMonths: [],
      },
      {
        part: 'C',
        name: 'Medicare Advantage (Part C)',
        active: true,
        status: 'active',
        start: null,
        end: null,
        contractIds: ['H1234'],
        planIds: ['001'],
        dualMonths: [],
        costSharingMonths: [],
      },
      {
        part: 'D',
        name: 'Drug coverage (Part D)',
        active: false,
        status: null,
        start: null,
        end: null,
        contractIds: [],
        planIds: [],
        dualMonths: [],
        costSharingMonths: [],
      },
    ]);
  });

  it.each([
    ['starts today', { start: TODAY }, true],
    ['ends today', { start: '2020-01-01', end: TODAY }, true],
    ['ended yesterday', { start: '2020-01-01', end: '2026-05-30' }, false],
    ['starts tomorrow', { start: '2026-06-01' }, false],
    ['ends this month (month precision)', { end: '2026-05' }, true],
    ['ended last year (year precision)', { end: '2025' }, false],
    ['is active without dates', {}, true],
  ])('a Coverage that %s is active: %s', (_, dates, active) => {
    expect(coverageSummary([coverage('D', dates)], TODAY)[3]?.active).toBe(active);
  });

  it('is not active when the status is not active, whatever the dates', () => {
    expect(coverageSummary([coverage('A', { status: 'draft', start: '2020-01-01' })], TODAY)[0]?.active).toBe(
      false,
    );
  });

  it('shows the Coverage in force when a part has several, else the one that started last', () => {
    const current = coverage('D', { id: 'new', start: '2024-01-01', planIds: ['002'] });
    const ended = coverage('D', { id: 'old', start: '2018-01-01', end: '2023-12-31', planIds: ['001'] });
    expect(coverageSummary([ended, current], TODAY)[3]).toMatchObject({ active: true, planIds: ['002'] });
    const earlier = coverage('B', { status: 'cancelled', start: '2010-01-01' });
    const later = coverage('B', { status: 'cancelled', start: '2015-01-01' });
    const undated = coverage('B', { status: 'cancelled' });
    expect(coverageSummary([undated, earlier, later], TODAY)[1]).toMatchObject({
      active: false,
      start: '2015-01-01',
    });
  });

  it('reads the CMS samples, whose v1 and v2 periods differ', () => {
    const summary = (file: string, today: string) =>
      coverageSummary(normalize([sample(file)]).coverage, today).map((p) => [p.part, p.active]);
    // v1: A cancelled; B from 1963-10-03 without an end; C and D without a period.
    expect(summary('bfd-v1-coverage-search-bundle.json', TODAY)).toEqual([
      ['A', false],
      ['B', true],
      ['C', true],
      ['D', true],
    ]);
    // v2: A cancelled; B 2021-07-17..2022-08-17; C without a period; D 2021-02-17..2022-11-17.
    expect(summary('bfd-v2-coverage-search-bundle.json', TODAY)).toEqual([
      ['A', false],
      ['B', false],
      ['C', true],
      ['D', false],
    ]);
    expect(summary('bfd-v2-coverage-search-bundle.json', '2022-01-01')).toEqual([
      ['A', false],
      ['B', true],
      ['C', true],
      ['D', true],
    ]);
  });

  it('groups the months of dual eligibility by code, and the Extra Help months of Part D', () => {
    const dualEligibility = [
      { month: '2025-06', code: '03' },
      { month: '2025-01', code: '02' },
      { month: '2025-02', code: '02' },
      { month: '2025-03', code: '02' },
      { month: '2025-09', code: '02' },
      { month: '2025-07', code: '03' },
    ];
    const costSharing = [
      { month: '2025-01', code: '02' },
      { month: '2025-02', code: '02' },
      { month: '2025-12', code: '05' },
    ];
    const [a, , , d] = coverageSummary(
      [coverage('A', { dualEligibility, costSharing }), coverage('D', { dualEligibility, costSharing })],
      TODAY,
    );
    const dualMonths = [
      {
        code: '02',
        description: 'Full Medicaid and Medicare, with QMB (full dual)',
        months: ['2025-01', '2025-02', '2025-03', '2025-09'],
        ranges: 'Jan–Mar 2025, Sep 2025',
      },
      {
        code: '03',
        description:
          'Medicare Savings Program only: Specified Low-Income Medicare Beneficiary, SLMB (partial dual)',
        months: ['2025-06', '2025-07'],
        ranges: 'Jun–Jul 2025',
      },
    ];
    expect(a).toMatchObject({ dualMonths, costSharingMonths: [] });
    expect(d).toMatchObject({
      dualMonths,
      costSharingMonths: [
        {
          code: '02',
          description: 'Extra Help (automatic): full premium subsidy, low copays',
          months: ['2025-01', '2025-02'],
          ranges: 'Jan–Feb 2025',
        },
        {
          code: '05',
          description: 'Extra Help: full premium subsidy, 15% copays',
          months: ['2025-12'],
          ranges: 'Dec 2025',
        },
      ],
    });
  });

  it('shows the months of the Coverage it shows', () => {
    const current = coverage('D', {
      start: '2026-01-01',
      costSharing: [{ month: '2026-01', code: '01' }],
    });
    const ended = coverage('D', {
      start: '2025-01-01',
      end: '2025-12-31',
      costSharing: [{ month: '2025-01', code: '04' }],
    });
    expect(coverageSummary([ended, current], TODAY)[3]?.costSharingMonths.map((g) => g.ranges)).toEqual([
      'Jan 2026',
    ]);
  });

  it('reads the same months from the v1 and v2 samples: no dual months, Extra Help on Part D in 2018', () => {
    const months = (file: string) =>
      coverageSummary(normalize([sample(file)]).coverage, TODAY).map(
        ({ part, dualMonths, costSharingMonths }) => ({
          part,
          dualMonths,
          costSharingMonths,
        }),
      );
    const v2 = months('bfd-v2-coverage-search-bundle.json');
    expect(months('bfd-v1-coverage-search-bundle.json')).toEqual(v2);
    expect(v2.map((p) => p.dualMonths)).toEqual([[], [], [], []]);
    expect(v2.slice(0, 3).map((p) => p.costSharingMonths)).toEqual([[], [], []]);
    expect(v2[3]?.costSharingMonths.map(({ code, ranges }) => [code, ranges])).toEqual([
      ['01', 'Mar–Apr 2018, Sep 2018'],
      ['05', 'May 2018'],
      ['06', 'Jun 2018'],
      ['07', 'Jul 2018'],
      ['08', 'Aug 2018'],
      ['02', 'Oct 2018'],
    ]);
  });

  it('refuses a today that is not a date', () => {
    expect(() => coverageSummary([], '2026-5-31')).toThrow(RangeError);
  });
});

describe('describeDual', () => {
  it.each([
    ['NA', 'No Medicaid (not dual)'],
    ['na', 'No Medicaid (not dual)'],
    ['00', 'Not enrolled in Medicare that month'],
    ['**', 'No dual status on record (no Part D enrollment data)'],
    ['XX', 'No dual status on record (no Part D enrollment data)'],
    ['01', 'Medicare Savings Program only: Qualified Medicare Beneficiary, QMB (partial dual)'],
    ['02', 'Full Medicaid and Medicare, with QMB (full dual)'],
    ['03', 'Medicare Savings Program only: Specified Low-Income Medicare Beneficiary, SLMB (partial dual)'],
    ['04', 'Full Medicaid and Medicare, with SLMB (full dual)'],
    ['05', 'Medicare Savings Program only: Qualified Disabled Working Individual, QDWI (partial dual)'],
    ['06', 'Medicare Savings Program only: Qualifying Individual, QI (partial dual)'],
    ['08', 'Full Medicaid and Medicare (full dual)'],
    [' 08 ', 'Full Medicaid and Medicare (full dual)'],
    ['09', 'Dual eligible, without Medicaid coverage'],
    ['99', 'Dual status unknown (code 99)'],
    ['07', 'Medicare–Medicaid status code 07'],
    ['AA', 'Medicare–Medicaid status code AA'],
    ['', 'Medicare–Medicaid status code (blank)'],
  ])('describes %j', (code, description) => {
    expect(describeDual(code)).toBe(description);
  });
});

describe('describeCostSharing', () => {
  it.each([
    ['00', 'Not enrolled in Medicare that month'],
    ['**', 'No Part D enrollment data'],
    ['01', 'Extra Help (automatic): full premium subsidy, no copays'],
    ['02', 'Extra Help (automatic): full premium subsidy, low copays'],
    ['03', 'Extra Help (automatic): full premium subsidy, higher copays'],
    ['04', 'Extra Help: full premium subsidy, higher copays'],
    ['05', 'Extra Help: full premium subsidy, 15% copays'],
    ['06', 'Extra Help: 75% premium subsidy, 15% copays'],
    ['07', 'Extra Help: 50% premium subsidy, 15% copays'],
    ['08', 'Extra Help: 25% premium subsidy, 15% copays'],
    ['09', 'Part D without Extra Help'],
    ['10', 'Not in Part D: employer drug plan with the retiree drug subsidy'],
    ['11', 'Not in Part D: other creditable drug coverage'],
    ['12', 'Not in Part D: no retiree drug subsidy plan and no creditable coverage'],
    ['13', 'Not in Part D'],
    ['14', 'Part D cost-sharing group code 14'],
  ])('describes %j', (code, description) => {
    expect(describeCostSharing(code)).toBe(description);
  });

  it('does not read codes off the prototype', () => {
    expect(describeCostSharing('constructor')).toBe('Part D cost-sharing group code constructor');
    expect(describeDual('toString')).toBe('Medicare–Medicaid status code toString');
  });
});

describe('monthRanges', () => {
  it.each([
    [[], ''],
    [['2025-06'], 'Jun 2025'],
    [['2025-01', '2025-02', '2025-03'], 'Jan–Mar 2025'],
    [['2025-01', '2025-02', '2025-03', '2025-06'], 'Jan–Mar 2025, Jun 2025'],
    [['2024-11', '2024-12', '2025-01', '2025-02'], 'Nov 2024–Feb 2025'],
    [['2025-12', '2024-12'], 'Dec 2024, Dec 2025'],
    [['2025-03', '2025-01', '2025-02', '2025-02'], 'Jan–Mar 2025'],
    [monthsBetween('2025-01', '2025-12'), 'Jan–Dec 2025'],
    [monthsBetween('2024-01', '2025-12'), 'Jan 2024–Dec 2025'],
    [['2025-01', 'soon', '2025-13', '2025-02'], 'Jan–Feb 2025'],
  ])('%j reads %j', (months, ranges) => {
    expect(monthRanges(months)).toBe(ranges);
  });
});
