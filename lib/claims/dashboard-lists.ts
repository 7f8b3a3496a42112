/**
 * The dashboard's short lists (largest claims, recent claims, recent prescriptions), each item with only what
 * a list shows and its money rounded to cents. docs/money.md "Dashboard figures".
 */
import { providerName } from './providers';
import { CLAIM_TYPE_CATALOGUE } from './catalogue';
import { roundToCents, toMicros } from './money';
import { claimsInPeriod } from './dashboard-series';
import type { Period } from './period';
import type { Claim, ClaimType, Prescription } from './types';

/** A claim in a short list. */
export interface ClaimListEntry {
  id: string;
  type: ClaimType;
  /** The kind of care in plain words, from the catalogue. */
  label: string;
  serviceStart: string | null;
  /** The provider's name, else the facility's; null when the claim names neither. */
  provider: string | null;
  billed: number;
  medicarePaid: number;
  youPaid: number;
}

/** A prescription in a short list. */
export interface PrescriptionListEntry {
  id: string;
  date: string | null;
  drugName: string | null;
  daysSupply: number | null;
  /** The pharmacy's name; null when the fill does not name it. */
  pharmacy: string | null;
  totalCost: number;
  planPaid: number;
  youPaid: number;
}

const cents = (dollars: number): number => roundToCents(toMicros(dollars));

/** How many items to keep: a whole number, 0 or more. */
const howMany = (n: number): number => Math.max(0, Math.trunc(n));

/** Newer dates first, undated last. */
function newerFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

const idDescending = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
const idAscending = (a: string, b: string): number => -idDescending(a, b);

function entry(claim: Claim): ClaimListEntry {
  return {
    id: claim.id,
    type: claim.type,
    label: CLAIM_TYPE_CATALOGUE[claim.type].label,
    serviceStart: claim.serviceStart,
    provider: providerName(claim),
    billed: cents(claim.billed),
    medicarePaid: cents(claim.medicarePaid),
    youPaid: cents(claim.youPaid),
  };
}

/** The `n` claims of the period that billed most; ties: the newer first, then by id. */
export function largestClaims(
  claims: readonly Claim[],
  period: Period,
  today: string,
  n = 10,
): ClaimListEntry[] {
  return claimsInPeriod(claims, period, today)
    .sort(
      (a, b) =>
        toMicros(b.billed) - toMicros(a.billed) ||
        newerFirst(a.serviceStart, b.serviceStart) ||
        idAscending(a.id, b.id),
    )
    .slice(0, howMany(n))
    .map(entry);
}

/** The `n` newest claims by service date (undated last; ties by id descending, as the summary orders). */
export function recentClaims(claims: readonly Claim[], n = 5): ClaimListEntry[] {
  return [...claims]
    .sort((a, b) => newerFirst(a.serviceStart, b.serviceStart) || idDescending(a.id, b.id))
    .slice(0, howMany(n))
    .map(entry);
}

/** The `n` newest prescriptions by fill date (undated last; ties by id descending, as the summary orders). */
export function recentPrescriptions(prescriptions: readonly Prescription[], n = 5): PrescriptionListEntry[] {
  return [...prescriptions]
    .sort((a, b) => newerFirst(a.date, b.date) || idDescending(a.id, b.id))
    .slice(0, howMany(n))
    .map((p) => ({
      id: p.id,
      date: p.date,
      drugName: p.drugName,
      daysSupply: p.daysSupply,
      pharmacy: p.pharmacy?.name ?? null,
      totalCost: cents(p.totalCost),
      planPaid: cents(p.planPaid),
      youPaid: cents(p.youPaid),
    }));
}
