/**
 * Yearly Medicare cost-sharing amounts (CMS annual announcements, "Medicare Parts A & B Premiums and
 * Deductibles" fact sheets and the Part D base-year announcements), in cents. Years past the table
 * grow 4 % a year from the last known amount, years before it use the first.
 */

interface YearTable {
  readonly first: number;
  readonly amounts: readonly number[];
}

const TABLES = {
  /** Part B annual deductible. */
  partB: { first: 2019, amounts: [18_500, 19_800, 20_300, 23_300, 22_600, 24_000, 25_700, 28_300] },
  /** Part A inpatient deductible (per benefit period; the sandbox charges it once a year). */
  partA: { first: 2019, amounts: [136_400, 140_800, 148_400, 155_600, 160_000, 163_200, 167_600, 173_600] },
  /** SNF coinsurance per day for days 21–100. */
  snfDay: { first: 2019, amounts: [17_050, 17_600, 18_550, 19_450, 20_000, 20_400, 20_950, 21_700] },
  /** Standard Part D deductible. */
  partD: { first: 2019, amounts: [41_500, 43_500, 44_500, 48_000, 50_500, 54_500, 59_000, 61_500] },
  /**
   * Part D out-of-pocket threshold: true out-of-pocket (TrOOP) after which the catastrophic phase starts, and from
   * 2025 the yearly out-of-pocket limit (docs/money.md "Part D out-of-pocket").
   */
  partDOutOfPocket: {
    first: 2019,
    amounts: [510_000, 635_000, 655_000, 705_000, 740_000, 800_000, 200_000, 210_000],
  },
} as const satisfies Record<string, YearTable>;

/** Which yearly amount. */
export type RateKind = keyof typeof TABLES;

/** The amount in cents for a calendar year. */
export function yearlyRate(kind: RateKind, year: number): number {
  const { first, amounts } = TABLES[kind];
  const last = first + amounts.length - 1;
  if (year <= last) return amounts[Math.max(0, year - first)] ?? 0;
  const lastAmount = amounts[amounts.length - 1] ?? 0;
  return Math.round((lastAmount * 1.04 ** (year - last)) / 100) * 100;
}

/**
 * The share of a fill's cost the beneficiary pays above the Part D out-of-pocket threshold: 5 % until 2023 (the
 * minimum copays are left out), nothing from 2024.
 */
export function catastrophicCoinsurance(year: number): number {
  return year < 2024 ? 0.05 : 0;
}
