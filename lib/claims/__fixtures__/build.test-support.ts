/** Test helpers: small hand-built claims, fills and Coverage entries for the dashboard figures' tests. */
import type { Claim, ClaimType, CoveragePart, Prescription } from '../types';

/** The money of a built claim; anything not given is 0. */
export interface ClaimMoneyGiven {
  billed?: number;
  medicarePaid?: number;
  youPaid?: number;
  partBDeductible?: number;
}

/**
 * A claim of `type` with service date `date` (`YYYY-MM-DD`, or null for an undated claim) and the money given;
 * `extra` overrides anything else.
 */
export function claim(
  id: string,
  type: ClaimType,
  date: string | null,
  money: ClaimMoneyGiven = {},
  extra: Partial<Claim> = {},
): Claim {
  return {
    id,
    type,
    status: 'active',
    serviceStart: date,
    serviceEnd: date,
    month: date?.slice(0, 7) ?? null,
    billed: money.billed ?? 0,
    medicarePaid: money.medicarePaid ?? 0,
    youPaid: money.youPaid ?? 0,
    partBDeductible: money.partBDeductible ?? 0,
    allowed: null,
    deductible: 0,
    coinsurance: 0,
    bloodDeductible: 0,
    provider: null,
    facility: null,
    careTeam: [],
    diagnoses: [],
    procedures: [],
    lines: [],
    ...extra,
  };
}

/** What counted toward the Part D limit on a built fill; anything not given is 0. */
export interface FillGiven {
  patientPaid?: number;
  otherTroop?: number;
  lowIncomeSubsidy?: number;
  totalCost?: number;
  planPaid?: number;
}

/** A prescription filled on `date` with the amounts given; you paid is `patientPaid`. */
export function fill(
  id: string,
  date: string | null,
  given: FillGiven = {},
  extra: Partial<Prescription> = {},
): Prescription {
  const patientPaid = given.patientPaid ?? 0;
  return {
    id,
    date,
    ndc: null,
    drugName: null,
    daysSupply: null,
    refillNumber: null,
    quantity: null,
    totalCost: given.totalCost ?? 0,
    planPaid: given.planPaid ?? 0,
    youPaid: patientPaid,
    pharmacy: null,
    prescriber: null,
    troop: {
      patientPaid,
      otherTroop: given.otherTroop ?? 0,
      lowIncomeSubsidy: given.lowIncomeSubsidy ?? 0,
    },
    aboveOutOfPocketThreshold: 0,
    ...extra,
  };
}

/** A Coverage entry for `part`; `extra` overrides the defaults (active, no period, no plan ids, no months). */
export function coverage(part: CoveragePart['part'], extra: Partial<CoveragePart> = {}): CoveragePart {
  return {
    id: `part-${part.toLowerCase()}-1`,
    part,
    status: 'active',
    start: null,
    end: null,
    medicareStatus: null,
    referenceYear: null,
    contractIds: [],
    planIds: [],
    dualEligibility: [],
    costSharing: [],
    ...extra,
  };
}
