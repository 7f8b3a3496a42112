/**
 * The dashboard's period, as it appears in the URL (`?period=12m`, `?period=2025`, `?period=all`): parsing it
 * without ever failing, its date range, its label and the choices to offer. docs/money.md "Dashboard figures".
 */
import { addMonths, isMonth, lastDayOfMonth, monthOfToday } from './calendar';
import type { Claim } from './types';

/** The last 12 months (the default), one calendar year, or every claim. */
export type Period = { kind: '12m' } | { kind: 'year'; year: number } | { kind: 'all' };

/** A period in a choice list: its URL value and its label. */
export interface PeriodOption {
  value: string;
  label: string;
}

/** The period the dashboard shows when the URL names none, or none it knows. */
export const DEFAULT_PERIOD: Period = { kind: '12m' };

/**
 * The period a URL value names: `12m`, `all`, or a year that is in `years` (as `2024`). A repeated parameter
 * (`string[]`) counts by its first value. Anything else, missing or unknown, is the default (`12m`); this never
 * throws.
 */
export function parsePeriod(value: string | string[] | undefined, years: readonly number[]): Period {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === 'all') return { kind: 'all' };
  const year = years.find((y) => String(y) === first);
  return year === undefined ? DEFAULT_PERIOD : { kind: 'year', year };
}

/** The URL value of a period: `12m`, `2025` or `all`. */
export function periodValue(period: Period): string {
  return period.kind === 'year' ? String(period.year) : period.kind;
}

/** The period for people: "Last 12 months", "2025" or "All years". */
export function periodLabel(period: Period): string {
  if (period.kind === '12m') return 'Last 12 months';
  return period.kind === 'year' ? String(period.year) : 'All years';
}

/**
 * The first and last month (`YYYY-MM`, both included) of a period; null for `all`, which has no bounds.
 * `12m` is the 12 calendar months ending with today's month.
 */
export function periodMonths(period: Period, today: string): { from: string; to: string } | null {
  if (period.kind === 'all') return null;
  if (period.kind === 'year') {
    const year = String(period.year).padStart(4, '0');
    return { from: `${year}-01`, to: `${year}-12` };
  }
  const to = monthOfToday(today);
  return { from: addMonths(to, -11), to };
}

/**
 * The period's first and last day (`YYYY-MM-DD`, both included): `12m` with today 2026-12-01 is
 * 2026-01-01..2026-12-31; a year is Jan 1..Dec 31; `all` is unbounded (nulls).
 */
export function periodRange(period: Period, today: string): { from: string | null; to: string | null } {
  const months = periodMonths(period, today);
  return months ? { from: `${months.from}-01`, to: lastDayOfMonth(months.to) } : { from: null, to: null };
}

/**
 * Whether a claim counts in a period: `all` counts every claim, undated ones too; other periods count claims
 * whose service month is within their months. `months` is {@link periodMonths} of the period.
 */
export function claimInPeriod(claim: Pick<Claim, 'month'>, months: { from: string; to: string } | null) {
  if (months === null) return true;
  return isMonth(claim.month) && claim.month >= months.from && claim.month <= months.to;
}

/** The calendar years that have claims (by service month), newest first. */
export function yearsWithClaims(claims: readonly Pick<Claim, 'month'>[]): number[] {
  const years = new Set<number>();
  for (const claim of claims) if (isMonth(claim.month)) years.add(Number(claim.month.slice(0, 4)));
  return [...years].sort((a, b) => b - a);
}

/** The periods to offer: the last 12 months, each year with claims (newest first), then all years. */
export function periodOptions(claims: readonly Pick<Claim, 'month'>[]): PeriodOption[] {
  const periods: Period[] = [
    DEFAULT_PERIOD,
    ...yearsWithClaims(claims).map((year): Period => ({ kind: 'year', year })),
    { kind: 'all' },
  ];
  return periods.map((period) => ({ value: periodValue(period), label: periodLabel(period) }));
}
