/**
 * How far the beneficiary is through the year's Part B deductible and toward the Part D out-of-pocket limit,
 * with one plain sentence for each. The yearly amounts are CMS's; what counts is docs/money.md
 * "Part B deductible" and "Part D out-of-pocket". Money is added in micro-dollars, rounded to cents at the end.
 */
import { isMonth, monthsBetween } from './calendar';
import { roundToCents, toMicros, type Micros } from './money';
import type { Claim, Prescription } from './types';

/**
 * The yearly Part B deductible, in dollars, from CMS's yearly "Medicare Parts A & B Premiums and Deductibles"
 * fact sheets (also https://www.medicare.gov/basics/costs/medicare-costs):
 * - 2024: $240, https://www.cms.gov/newsroom/fact-sheets/2024-medicare-parts-b-premiums-and-deductibles
 * - 2025: $257, https://www.cms.gov/newsroom/fact-sheets/2025-medicare-parts-b-premiums-and-deductibles
 * - 2026: $283, https://www.cms.gov/newsroom/fact-sheets/2026-medicare-parts-b-premiums-deductibles
 */
export const PART_B_DEDUCTIBLE: Readonly<Record<number, number>> = { 2024: 240, 2025: 257, 2026: 283 };

/**
 * The yearly Part D out-of-pocket limit, in dollars: after it, you pay nothing more for covered drugs that
 * year. The Inflation Reduction Act set it from 2025; there is none before. From CMS's Part D redesign
 * program instructions:
 * - 2025: $2,000, https://www.cms.gov/files/document/final-cy-2025-part-d-redesign-program-instructions.pdf
 * - 2026: $2,100, https://www.cms.gov/newsroom/fact-sheets/final-cy-2026-part-d-redesign-program-instructions
 */
export const PART_D_OUT_OF_POCKET_CAP: Readonly<Record<number, number>> = { 2025: 2000, 2026: 2100 };

/** The first year with a Part D out-of-pocket limit. */
const FIRST_PART_D_CAP_YEAR = 2025;

/** How much of a year's Part B deductible the claims applied, in dollars. */
export interface PartBDeductibleResult {
  year: number;
  /** What claims with a service date in the year applied to the deductible. */
  applied: number;
  /** The year's deductible; null when the table does not have the year. */
  deductible: number | null;
  /** What is left to pay before the deductible is met (never below 0); null when the deductible is not known. */
  remaining: number | null;
  /** Whether what was applied reaches the deductible; null when the deductible is not known. */
  met: boolean | null;
}

/** A year's true out-of-pocket drug spending and how far it is from the limit, in dollars. */
export interface PartDOutOfPocketResult {
  year: number;
  /** Paid by you, by others for you, and by Extra Help, on fills in the year. */
  trueOutOfPocket: number;
  /** The year's limit; null for a year without one (before 2025) or not in the table yet. */
  cap: number | null;
  /** What is left before the limit (never below 0); null when there is no known limit. */
  remaining: number | null;
  /** Whether the limit is reached; null when there is no known limit. */
  reached: boolean | null;
  /** The twelve months of the year, January first, with that month's true out-of-pocket (0 when none). */
  byMonth: { month: string; amount: number }[];
  /** The month (`YYYY-MM`) whose fills took the year's total to the limit; null when not reached or no limit. */
  reachedIn: string | null;
}

/** Whether `month` (`YYYY-MM`) falls in `year`. */
function inYear(month: string | null, year: number): month is string {
  return isMonth(month) && Number(month.slice(0, 4)) === year;
}

const knownYears = (table: Readonly<Record<number, number>>): number[] => Object.keys(table).map(Number);

/** What the year's claims (by service month) applied to the Part B deductible, against that year's deductible. */
export function partBDeductible(claims: readonly Claim[], year: number): PartBDeductibleResult {
  let applied: Micros = 0;
  for (const claim of claims) if (inYear(claim.month, year)) applied += toMicros(claim.partBDeductible);
  const deductible = PART_B_DEDUCTIBLE[year];
  if (deductible === undefined) {
    return { year, applied: roundToCents(applied), deductible: null, remaining: null, met: null };
  }
  const limit = toMicros(deductible);
  return {
    year,
    applied: roundToCents(applied),
    deductible,
    remaining: roundToCents(Math.max(0, limit - applied)),
    met: applied >= limit,
  };
}

/**
 * The year's true out-of-pocket (`troop`: you paid + others paid for you + Extra Help) over fills by fill
 * month, against that year's Part D limit.
 */
export function partDOutOfPocket(
  prescriptions: readonly Prescription[],
  year: number,
): PartDOutOfPocketResult {
  const months = new Map<string, Micros>();
  let total: Micros = 0;
  for (const fill of prescriptions) {
    const month = fill.date?.slice(0, 7) ?? null;
    if (!inYear(month, year)) continue;
    const { patientPaid, otherTroop, lowIncomeSubsidy } = fill.troop;
    const amount = toMicros(patientPaid) + toMicros(otherTroop) + toMicros(lowIncomeSubsidy);
    months.set(month, (months.get(month) ?? 0) + amount);
    total += amount;
  }
  const label = String(year).padStart(4, '0');
  const byMonth = monthsBetween(`${label}-01`, `${label}-12`).map((month) => ({
    month,
    amount: roundToCents(months.get(month) ?? 0),
  }));
  const cap = PART_D_OUT_OF_POCKET_CAP[year];
  if (cap === undefined) {
    return {
      year,
      trueOutOfPocket: roundToCents(total),
      cap: null,
      remaining: null,
      reached: null,
      byMonth,
      reachedIn: null,
    };
  }
  const limit = toMicros(cap);
  let running: Micros = 0;
  let reachedIn: string | null = null;
  for (const { month } of byMonth) {
    running += months.get(month) ?? 0;
    if (reachedIn === null && running >= limit && running > 0) reachedIn = month;
  }
  return {
    year,
    trueOutOfPocket: roundToCents(total),
    cap,
    remaining: roundToCents(Math.max(0, limit - total)),
    reached: total >= limit,
    byMonth,
    reachedIn,
  };
}

const WHOLE_DOLLARS = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const DOLLARS_AND_CENTS = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * Dollars as the sentences write them: whole dollars without cents (`$257`, `$2,000`), any other amount with
 * two decimals (`$1,234.56`, `$0.50`). Amounts are first rounded to cents.
 */
export function formatSentenceDollars(amount: number): string {
  const cents = roundToCents(toMicros(amount));
  return Number.isInteger(cents) ? WHOLE_DOLLARS.format(cents) : DOLLARS_AND_CENTS.format(cents);
}

/** One plain sentence on the Part B deductible of a {@link partBDeductible} result. */
export function describePartB(result: PartBDeductibleResult): string {
  const { year, applied, deductible, remaining } = result;
  if (deductible === null || remaining === null) {
    const later = knownYears(PART_B_DEDUCTIBLE).every((known) => year > known);
    return `We don't know the Part B deductible for ${year}${later ? ' yet' : ''}.`;
  }
  const of = `the ${formatSentenceDollars(deductible)} Part B deductible for ${year}`;
  if (result.met) return `You have paid all of ${of}: it is met.`;
  return `You have paid ${formatSentenceDollars(applied)} of ${of}, so ${formatSentenceDollars(remaining)} is left.`;
}

/** One plain sentence on the Part D out-of-pocket limit of a {@link partDOutOfPocket} result. */
export function describePartD(result: PartDOutOfPocketResult): string {
  const { year, cap, remaining } = result;
  if (cap === null || remaining === null) {
    if (year < FIRST_PART_D_CAP_YEAR) {
      return `There was no yearly limit on what you pay for covered drugs in ${year}: the limit started in ${FIRST_PART_D_CAP_YEAR}.`;
    }
    return `We don't know the yearly limit on what you pay for covered drugs in ${year} yet.`;
  }
  if (result.reached) {
    return `You have reached the ${formatSentenceDollars(cap)} limit for ${year}, so you pay nothing more for covered drugs in ${year}.`;
  }
  return `You have ${formatSentenceDollars(remaining)} to go before you pay nothing more for covered drugs in ${year}.`;
}
