import { describe, expect, it } from 'vitest';
import { claim } from './__fixtures__/build.test-support';
import {
  parsePeriod,
  periodLabel,
  periodOptions,
  periodRange,
  periodValue,
  yearsWithClaims,
  type Period,
} from './period';

const YEARS = [2025, 2024];

describe('parsePeriod', () => {
  it.each<[string | string[] | undefined, Period]>([
    [undefined, { kind: '12m' }],
    ['12m', { kind: '12m' }],
    ['all', { kind: 'all' }],
    ['2024', { kind: 'year', year: 2024 }],
    ['2025', { kind: 'year', year: 2025 }],
    // A year without claims, or one that is not written as a plain year, is the default.
    ['2023', { kind: '12m' }],
    ['02024', { kind: '12m' }],
    [' 2024', { kind: '12m' }],
    ['2024.0', { kind: '12m' }],
    ['ALL', { kind: '12m' }],
    ['', { kind: '12m' }],
    ['<script>', { kind: '12m' }],
    // A repeated parameter counts by its first value.
    [['2024', 'all'], { kind: 'year', year: 2024 }],
    [['all', '2024'], { kind: 'all' }],
    [['nonsense', 'all'], { kind: '12m' }],
    [[], { kind: '12m' }],
  ])('reads %j as %j', (value, expected) => {
    expect(parsePeriod(value, YEARS)).toEqual(expected);
  });

  it('knows no year when there are no claims', () => {
    expect(parsePeriod('2024', [])).toEqual({ kind: '12m' });
  });

  it('gives back what periodValue wrote', () => {
    const periods: Period[] = [{ kind: '12m' }, { kind: 'year', year: 2024 }, { kind: 'all' }];
    for (const period of periods) expect(parsePeriod(periodValue(period), YEARS)).toEqual(period);
  });
});

describe('periodValue and periodLabel', () => {
  it('writes each period for the URL and for people', () => {
    expect(periodValue({ kind: '12m' })).toBe('12m');
    expect(periodValue({ kind: 'year', year: 2025 })).toBe('2025');
    expect(periodValue({ kind: 'all' })).toBe('all');
    expect(periodLabel({ kind: '12m' })).toBe('Last 12 months');
    expect(periodLabel({ kind: 'year', year: 2025 })).toBe('2025');
    expect(periodLabel({ kind: 'all' })).toBe('All years');
  });
});

describe('periodRange', () => {
  it.each([
    // The 12 calendar months ending with today's month, whole months.
    ['2026-12-01', '2026-01-01', '2026-12-31'],
    ['2026-12-31', '2026-01-01', '2026-12-31'],
    ['2026-01-01', '2025-02-01', '2026-01-31'],
    ['2026-01-31', '2025-02-01', '2026-01-31'],
    ['2025-06-15', '2024-07-01', '2025-06-30'],
    // Ending in February: 28 days, 29 in a leap year.
    ['2025-02-10', '2024-03-01', '2025-02-28'],
    ['2024-02-10', '2023-03-01', '2024-02-29'],
  ])('gives the last 12 months on %s as %s..%s', (today, from, to) => {
    expect(periodRange({ kind: '12m' }, today)).toEqual({ from, to });
  });

  it('gives a year as January 1 to December 31, whatever today is', () => {
    expect(periodRange({ kind: 'year', year: 2024 }, '2026-05-31')).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
  });

  it('gives all years without bounds', () => {
    expect(periodRange({ kind: 'all' }, '2026-05-31')).toEqual({ from: null, to: null });
  });

  it('refuses a today that is not a date', () => {
    expect(() => periodRange({ kind: '12m' }, '2026-13-01')).toThrow(RangeError);
    expect(() => periodRange({ kind: '12m' }, '31/05/2026')).toThrow(RangeError);
  });
});

describe('yearsWithClaims and periodOptions', () => {
  const claims = [
    claim('a', 'carrier', '2023-12-31'),
    claim('b', 'pde', '2025-01-01'),
    claim('c', 'dme', '2023-01-05'),
    claim('d', 'snf', null),
  ];

  it('lists the years with claims, newest first, undated claims in none', () => {
    expect(yearsWithClaims(claims)).toEqual([2025, 2023]);
    expect(yearsWithClaims([])).toEqual([]);
  });

  it('offers the last 12 months, each year with claims, then all years', () => {
    expect(periodOptions(claims)).toEqual([
      { value: '12m', label: 'Last 12 months' },
      { value: '2025', label: '2025' },
      { value: '2023', label: '2023' },
      { value: 'all', label: 'All years' },
    ]);
    expect(periodOptions([])).toEqual([
      { value: '12m', label: 'Last 12 months' },
      { value: 'all', label: 'All years' },
    ]);
  });
});
