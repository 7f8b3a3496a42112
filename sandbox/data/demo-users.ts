import type { PartDDrugKey } from './codes/drugs';
import type { ConditionKey } from './codes/icd10';
import type { CoverageModel } from './coverage-model';
import { dayOf, monthOf, yearOf } from './dates';
import { monthlyFills, type FillDraft } from './pde-schedule';

/**
 * Users set up by hand for demos, on top of what their draws give them (sandbox/README.md "Users for demos").
 * Everything not set here is drawn as for anyone else, so the rest of the user looks like any other.
 */

/**
 * BBUser02000 has chronic lymphocytic leukemia and takes Imbruvica (about $14,900 a month) from a specialty
 * pharmacy on the first of every month, in a stand-alone Part D plan all along, without Medicaid or Extra Help.
 * The deductible and 25 % coinsurance of January's fill reach the year's Part D out-of-pocket limit ($2,000 in
 * 2025, $2,100 in 2026): every covered fill after it costs her nothing. Before 2025 her true out-of-pocket
 * reaches the catastrophic threshold ($7,400 in 2023, $8,000 in 2024) with February's or March's fill.
 */
export const PART_D_CAP_USER = 2000;

/**
 * BBUser00164 takes Synthroid for her first 18 months in the data, then the generic levothyroxine on a new
 * prescription: a switch between two products of one ingredient, as the Prescriptions page counts them. Her
 * drawn fills already have late refills and stopped drugs.
 */
export const DRUG_SWITCH_USER = 164;

/** What a demo user is given besides their draws. */
export interface DemoSetup {
  /** Conditions added to the drawn ones (they appear in claim diagnoses). */
  conditions?: readonly ConditionKey[];
  /**
   * A specialty drug filled on the first of every month, from the start of Part D in the window until two days
   * before the anchor: a specialty pharmacy's claims arrive within days, so January 1's fill is in the data from
   * the anchor's January 3 on, and the anchor's year shows the limit reached.
   */
  monthlyDrug?: PartDDrugKey;
  /**
   * Fills of `generic` before the first of the month `months` after the window starts are of `brand` instead; the
   * first generic fill starts a new prescription.
   */
  brandFirst?: { brand: PartDDrugKey; generic: PartDDrugKey; months: number };
  /** Parts A, B and D from entitlement, no Medicare Advantage, no dual-eligible month (so no Extra Help). */
  standAlonePartD?: boolean;
}

const SETUPS: Readonly<Record<number, DemoSetup>> = {
  [PART_D_CAP_USER]: { conditions: ['cll'], monthlyDrug: 'imbruvica', standAlonePartD: true },
  [DRUG_SWITCH_USER]: { brandFirst: { brand: 'synthroid', generic: 'levothyroxine', months: 18 } },
};

/** The hand-made setup of user `n`, if it has one. */
export function demoSetup(n: number): DemoSetup | undefined {
  return SETUPS[n];
}

/** A demo user's enrolment: drawn values, with {@link DemoSetup.standAlonePartD} applied. */
export function demoCoverage(setup: DemoSetup, coverage: CoverageModel): CoverageModel {
  if (!setup.standAlonePartD) return coverage;
  return {
    ...coverage,
    parts: ['A', 'B', 'D'],
    partCStart: undefined,
    partDStart: coverage.entitlementDay,
    dual: coverage.dual.map(() => 'NA'),
    partDContract: coverage.partDContract.replace(/^H/, 'S'),
  };
}

/**
 * A demo user's fills, sorted by day: the drawn `drafts` with the monthly specialty drug added (sorted before the
 * same day's other fills) and the brand filled before the generic. `first` is the first day of Part D in the
 * window.
 */
export function demoFills(setup: DemoSetup, drafts: readonly FillDraft[], first: number, windowStart: number,
  anchorDay: number): FillDraft[] {
  const fills = [...drafts];
  if (setup.monthlyDrug) fills.push(...monthlyFills(setup.monthlyDrug, first, anchorDay - 2, -1));
  fills.sort((a, b) => a.day - b.day || a.regimen - b.regimen);
  const brandFirst = setup.brandFirst;
  if (!brandFirst) return fills;
  const switchDay = dayOf(yearOf(windowStart), monthOf(windowStart) + brandFirst.months, 1);
  let sinceSwitch = 0;
  return fills.map((fill) => {
    if (fill.drug !== brandFirst.generic) return fill;
    if (fill.day < switchDay) return { ...fill, drug: brandFirst.brand };
    return { ...fill, refill: sinceSwitch++ % (fill.daysSupply === 90 ? 4 : 12) };
  });
}
