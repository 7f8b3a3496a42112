import { dayOf, monthOf, yearOf } from './dates';
import type { Rng } from './prng';

/**
 * What a beneficiary is enrolled in, month by month, in the shape of BFD's beneficiary row
 * (docs/blue-button.md §14; fixtures/bluebutton/bfd-v2-coverage-search-bundle.json): parts A and B always,
 * Part C (Medicare Advantage) for some, Part D for most, and dual-eligible (Medicaid) months for some.
 */

/** A Medicare part. */
export type Part = 'A' | 'B' | 'C' | 'D';

/** A beneficiary's enrolment. */
export interface CoverageModel {
  /** Two to four parts, in order. */
  parts: readonly Part[];
  /** Medicare entitlement (first day of the month of the 65th birthday). */
  entitlementDay: number;
  /** First day in Medicare Advantage; fee-for-service claims stop the day before. */
  partCStart?: number;
  partDStart?: number;
  /** BFD's reference year: the anchor's year. */
  referenceYear: number;
  /** `dual_01` … `dual_12` codes. */
  dual: readonly string[];
  /** Part D contract and plan benefit package, Part C contract if any. */
  partDContract: string;
  partDPbp: string;
  partCContract: string;
  partCPbp: string;
}

/** Options that pin parts for the user ranges with exact claim counts. */
export interface CoverageChoice {
  allowPartC: boolean;
  requirePartD: boolean;
}

const DUAL_CODES = ['02', '08', '01', '03', '06', '04'] as const;
const DUAL_WEIGHTS = [8.2, 2.9, 2.2, 1.3, 0.8, 0.5];

/** Draws the enrolment of one beneficiary. */
export function drawCoverage(
  rng: Rng,
  entitlementDay: number,
  windowStart: number,
  anchorDay: number,
  choice: CoverageChoice,
): CoverageModel {
  const hasD = choice.requirePartD || rng.chance(0.82);
  const span = anchorDay - windowStart;
  const hasC = choice.allowPartC && span > 720 && rng.chance(0.28);
  const parts: Part[] = ['A', 'B'];
  let partCStart: number | undefined;
  if (hasC) {
    const day = windowStart + rng.int(400, span - 120);
    partCStart = dayOf(yearOf(day), monthOf(day), 1);
    parts.push('C');
  }
  if (hasD) parts.push('D');
  const referenceYear = yearOf(anchorDay);
  return {
    parts,
    entitlementDay,
    partCStart,
    partDStart: hasD ? entitlementDay : undefined,
    referenceYear,
    dual: drawDual(rng),
    partDContract: `${hasC ? 'H' : 'S'}${rng.int(1000, 9899)}`,
    partDPbp: String(rng.int(1, 30)).padStart(3, '0'),
    partCContract: `H${rng.int(1000, 9899)}`,
    partCPbp: String(rng.int(1, 30)).padStart(3, '0'),
  };
}

function drawDual(rng: Rng): string[] {
  const months = Array.from({ length: 12 }, () => 'NA');
  if (!rng.chance(0.2)) return months;
  const code = DUAL_CODES[rng.weighted(DUAL_WEIGHTS)] ?? '02';
  const first = rng.chance(0.5) ? 0 : rng.int(1, 10);
  const last = rng.chance(0.7) ? 11 : rng.int(first, 11);
  for (let m = first; m <= last; m++) months[m] = code;
  return months;
}

/** True when the beneficiary has a dual-eligible month in the reference year. */
export function isDual(model: CoverageModel): boolean {
  return model.dual.some((code) => code !== 'NA');
}
