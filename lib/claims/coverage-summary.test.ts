import { describe, expect, it } from 'vitest';
import { coverage } from './__fixtures__/build.test-support';
import { sample } from './__fixtures__/load.test-support';
import { coverageSummary } from './coverage-summary';
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

  it('refuses a today that is not a date', () => {
    expect(() => coverageSummary([], '2026-5-31')).toThrow(RangeError);
  });
});
