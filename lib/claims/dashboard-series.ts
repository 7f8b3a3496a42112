/**
 * The dashboard's figures and chart series, ready to show: pages call these on the server and components do no
 * money arithmetic. "Spending" is what was paid for care: Medicare paid + you paid. Money is added in integer
 * micro-dollars and rounded to cents only in what is returned. docs/money.md "Dashboard figures".
 */
import { monthLabel, monthOfToday, monthsBetween, addMonths, isMonth } from './calendar';
import { CLAIM_TYPE_CATALOGUE } from './catalogue';
import { roundToCents, toMicros, type Micros } from './money';
import { claimInPeriod, periodMonths, type Period } from './period';
import { CLAIM_TYPES, type Claim, type ClaimType } from './types';

/** Claims counted together, their money in micro-dollars. */
interface Sums {
  count: number;
  billed: Micros;
  medicarePaid: Micros;
  youPaid: Micros;
}

const emptySums = (): Sums => ({ count: 0, billed: 0, medicarePaid: 0, youPaid: 0 });

function add(sums: Sums, claim: Claim): void {
  sums.count += 1;
  sums.billed += toMicros(claim.billed);
  sums.medicarePaid += toMicros(claim.medicarePaid);
  sums.youPaid += toMicros(claim.youPaid);
}

function sumsOf(claims: readonly Claim[]): Sums {
  const sums = emptySums();
  for (const claim of claims) add(sums, claim);
  return sums;
}

/** A count of claims and their money, in dollars rounded to cents. */
export interface ClaimTotals {
  count: number;
  billed: number;
  medicarePaid: number;
  youPaid: number;
}

/** {@link ClaimTotals} plus spending (Medicare paid + you paid). */
export interface PeriodTotals extends ClaimTotals {
  spending: number;
}

function rounded(sums: Sums): ClaimTotals {
  return {
    count: sums.count,
    billed: roundToCents(sums.billed),
    medicarePaid: roundToCents(sums.medicarePaid),
    youPaid: roundToCents(sums.youPaid),
  };
}

const spendingOf = (sums: Sums): number => roundToCents(sums.medicarePaid + sums.youPaid);

/** The claims counted in a period ({@link claimInPeriod}): `all` includes undated claims. */
export function claimsInPeriod(claims: readonly Claim[], period: Period, today: string): Claim[] {
  const months = periodMonths(period, today);
  return claims.filter((claim) => claimInPeriod(claim, months));
}

/** How many claims a period has, what they billed, what Medicare paid, what you paid, and the spending. */
export function totalsFor(claims: readonly Claim[], period: Period, today: string): PeriodTotals {
  const sums = sumsOf(claimsInPeriod(claims, period, today));
  return { ...rounded(sums), spending: spendingOf(sums) };
}

/** What was paid for care in one month. */
export interface MonthPaid {
  /** `YYYY-MM`. */
  month: string;
  /** `Jan 2025`. */
  label: string;
  medicarePaid: number;
  youPaid: number;
}

/** Claims with a service month, grouped by it. */
function byMonth(claims: readonly Claim[]): Map<string, Claim[]> {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    if (!isMonth(claim.month)) continue;
    const group = groups.get(claim.month);
    if (group) group.push(claim);
    else groups.set(claim.month, [claim]);
  }
  return groups;
}

function monthPaid(month: string, claims: readonly Claim[]): MonthPaid {
  const sums = sumsOf(claims);
  return {
    month,
    label: monthLabel(month),
    medicarePaid: roundToCents(sums.medicarePaid),
    youPaid: roundToCents(sums.youPaid),
  };
}

/**
 * Medicare paid and you paid in each of the `months` calendar months ending with today's month, oldest first,
 * months without claims as zeros. Undated claims are in no month.
 */
export function monthlySpending(claims: readonly Claim[], today: string, months = 24): MonthPaid[] {
  const count = Math.max(0, Math.trunc(months));
  if (count === 0) return [];
  const last = monthOfToday(today);
  const groups = byMonth(claims);
  return monthsBetween(addMonths(last, 1 - count), last).map((month) =>
    monthPaid(month, groups.get(month) ?? []),
  );
}

/**
 * The months a period's charts show, oldest first: every month of `12m` or of the year; for `all`, from the
 * first to the last month with claims (none when no claim has a service month).
 */
export function chartMonths(claims: readonly Claim[], period: Period, today: string): string[] {
  const bounds = periodMonths(period, today);
  if (bounds) return monthsBetween(bounds.from, bounds.to);
  const months = claims
    .map((claim) => claim.month)
    .filter(isMonth)
    .sort();
  const first = months[0];
  const last = months[months.length - 1];
  return first !== undefined && last !== undefined ? monthsBetween(first, last) : [];
}

/** Medicare paid and you paid in each month of a period ({@link chartMonths}). */
export function paidOverTime(claims: readonly Claim[], period: Period, today: string): MonthPaid[] {
  const groups = byMonth(claims);
  return chartMonths(claims, period, today).map((month) => monthPaid(month, groups.get(month) ?? []));
}

/** One kind of care in a period: how the catalogue shows it, its totals and its spending. */
export interface KindSpending extends PeriodTotals {
  type: ClaimType;
  label: string;
  /** The part of Medicare that covers it, e.g. "Part B". */
  part: string;
  color: string;
}

/**
 * Each claim type with claims in the period, with its totals and spending, largest spending first (ties in
 * claim-type order).
 */
export function spendingByKind(claims: readonly Claim[], period: Period, today: string): KindSpending[] {
  const sums = new Map<ClaimType, Sums>();
  for (const claim of claimsInPeriod(claims, period, today)) {
    let kind = sums.get(claim.type);
    if (!kind) sums.set(claim.type, (kind = emptySums()));
    add(kind, claim);
  }
  const kinds = CLAIM_TYPES.flatMap((type) => {
    const kind = sums.get(type);
    return kind ? [{ type, kind, spending: kind.medicarePaid + kind.youPaid }] : [];
  });
  kinds.sort((a, b) => b.spending - a.spending);
  return kinds.map(({ type, kind }) => {
    const { label, part, color } = CLAIM_TYPE_CATALOGUE[type];
    return { type, label, part, color, ...rounded(kind), spending: spendingOf(kind) };
  });
}

/** One month's spending by kind of care; every claim type has a value (0 when it had no claims). */
export interface MonthByKind {
  month: string;
  label: string;
  values: Record<ClaimType, number>;
}

/**
 * Spending per month of the period ({@link chartMonths}) and claim type, and the kinds that have claims in
 * those months, largest spending first (ties in claim-type order), as legends list them.
 */
export function monthlyByKind(
  claims: readonly Claim[],
  period: Period,
  today: string,
): { months: MonthByKind[]; kinds: ClaimType[] } {
  const monthList = chartMonths(claims, period, today);
  const wanted = new Set(monthList);
  const cells = new Map<string, Micros>();
  const totals = new Map<ClaimType, Micros>();
  for (const claim of claims) {
    if (!isMonth(claim.month) || !wanted.has(claim.month)) continue;
    const spending = toMicros(claim.medicarePaid) + toMicros(claim.youPaid);
    const key = `${claim.month} ${claim.type}`;
    cells.set(key, (cells.get(key) ?? 0) + spending);
    totals.set(claim.type, (totals.get(claim.type) ?? 0) + spending);
  }
  const months = monthList.map((month) => ({
    month,
    label: monthLabel(month),
    values: Object.fromEntries(
      CLAIM_TYPES.map((type) => [type, roundToCents(cells.get(`${month} ${type}`) ?? 0)]),
    ) as Record<ClaimType, number>,
  }));
  const kinds = CLAIM_TYPES.filter((type) => totals.has(type)).sort(
    (a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0),
  );
  return { months, kinds };
}

/** One calendar year's totals. */
export interface YearTotals extends ClaimTotals {
  year: number;
}

/** Totals per calendar year with claims (by service month), oldest first; undated claims are in no year. */
export function yearOverYear(claims: readonly Claim[]): YearTotals[] {
  const years = new Map<number, Sums>();
  for (const claim of claims) {
    if (!isMonth(claim.month)) continue;
    const year = Number(claim.month.slice(0, 4));
    let sums = years.get(year);
    if (!sums) years.set(year, (sums = emptySums()));
    add(sums, claim);
  }
  return [...years].sort(([a], [b]) => a - b).map(([year, sums]) => ({ year, ...rounded(sums) }));
}
