import type { PartDDrug } from './codes/drugs';
import type { Service } from './codes/hcpcs';
import type { Specialty } from './codes/providers';
import type { ClaimType } from './types';

/**
 * The lightweight records the synthetic beneficiary is made of. A claim record holds what differs
 * between claims (dates, codes, money in cents); rendering fills a BFD sample template from it
 * (eob-render.ts). Money follows the CCW variable meanings of docs/blue-button.md §13.2.
 */

/** One line (carrier/DME line or institutional revenue center line), money in cents. */
export interface ClaimLine {
  service: Service;
  /** Revenue center code, institutional lines only. */
  revenue?: string;
  units: number;
  /** Submitted (billed) charge. */
  charge: number;
  /** Allowed amount (Part B fee schedule / OPPS rate); 0 for Part A lines, which are paid per claim. */
  allowed: number;
  deductible: number;
  coinsurance: number;
  /** What Medicare paid for the line. */
  paid: number;
}

/** A Part D fill. Money in cents. */
export interface Fill {
  drug: PartDDrug;
  daysSupply: number;
  /** 0 for a new prescription, then 1, 2 … for its refills. */
  refill: number;
  quantity: number;
  totalCost: number;
  planPaid: number;
  patientPaid: number;
  /** Low-income subsidy paid for the fill. */
  lics: number;
  /** Gross drug cost above the out-of-pocket threshold (catastrophic coverage); the rest is below it. */
  aboveThreshold: number;
  /** Day the plan paid the pharmacy. */
  paidDay: number;
  pharmacy: number;
  prescriber: number;
}

/** Claim-level money of institutional claims, cents. */
export interface InstitutionalMoney {
  /** What Medicare pays before cost sharing (DRG / per diem / episode payment). */
  allowed: number;
  deductible: number;
  coinsurance: number;
  paid: number;
  /** Covered days (inpatient, SNF, hospice). */
  days: number;
  coinsuranceDays: number;
}

/** One synthetic claim. Days are UTC day numbers (dates.ts). */
export interface ClaimRecord {
  type: ClaimType;
  /** Negative CMS-style claim id, e.g. `-10344810963`. */
  claimId: string;
  /** `<type>-<claimId>`. */
  id: string;
  start: number;
  end: number;
  /** NCH weekly processing / FI processing date. */
  procDay: number;
  lastUpdated: string;
  lines: ClaimLine[];
  institutional?: InstitutionalMoney;
  fill?: Fill;
  /** Indexes into the beneficiary's provider roster. */
  facility: number;
  doctor: number;
  specialty: Specialty;
}
