import type { ClaimLine, ClaimRecord, InstitutionalMoney } from './claim-model';
import { yearOf } from './dates';
import { yearlyRate } from './medicare-rates';
import type { LineDraft } from './recipes';
import type { Rng } from './prng';
import type { ClaimType } from './types';

/**
 * Claim money in cents, internally consistent the way Medicare adjudicates (Medicare Claims
 * Processing Manual; docs/blue-button.md §13.2): billed ≥ allowed ≥ paid; Part B pays 80 % of the allowed
 * amount after the yearly deductible, the beneficiary owes deductible + 20 % coinsurance; Part A pays
 * a DRG/per-diem/episode amount after the yearly inpatient deductible and SNF day-21+ coinsurance.
 */

const cents = (dollars: number) => Math.round(dollars * 100);

// Built field by field: object spread is an order of magnitude slower on this hot path.
function line(draft: LineDraft, charge: number, allowed: number): ClaimLine {
  return { service: draft.service, revenue: draft.revenue, units: draft.units, charge, allowed, deductible: 0,
    coinsurance: 0, paid: allowed };
}

/** Prices professional, DME and outpatient lines before the deductible is applied. */
export function priceLines(rng: Rng, type: ClaimType, drafts: readonly LineDraft[]): ClaimLine[] {
  const outpatient = type === 'outpatient';
  return drafts.map((draft) => {
    const base = draft.service.fee * draft.units * rng.real(0.9, 1.1);
    const allowed = Math.max(1, cents(outpatient ? base * rng.real(1.6, 2.4) : base));
    const charge = Math.round(allowed * (outpatient ? rng.real(2.5, 4.5) : rng.real(1.4, 2.8)));
    return line(draft, charge, allowed);
  });
}

/** Prices a Part A claim: its lines carry charges only, the claim carries the payment. */
export function priceInstitutional(rng: Rng, type: ClaimType, drafts: readonly LineDraft[], days: number):
  { lines: ClaimLine[]; money: InstitutionalMoney } {
  let total: number;
  let allowed: number;
  if (type === 'inpatient') {
    total = cents(rng.real(14_000, 68_000));
    allowed = Math.round(total * rng.real(0.17, 0.32));
  } else if (type === 'snf') {
    allowed = cents(days * rng.real(480, 640));
    total = Math.round(allowed * rng.real(1.3, 1.9));
  } else if (type === 'hha') {
    allowed = cents(rng.real(1_700, 3_100));
    total = Math.round(allowed * rng.real(1.2, 2.0));
  } else {
    allowed = cents(days * rng.real(205, 225));
    total = Math.round(allowed * rng.real(1.0, 1.3));
  }
  const weights = drafts.map(() => rng.real(0.5, 3));
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total;
  const lines = drafts.map((draft, i) => {
    const charge = i === drafts.length - 1 ? left : Math.round((total * (weights[i] ?? 1)) / sum);
    left -= charge;
    return line(draft, charge, 0);
  });
  return { lines, money: { allowed, deductible: 0, coinsurance: 0, paid: allowed, days, coinsuranceDays: 0 } };
}

/**
 * Applies the yearly deductibles in service-date order: the first Part B claims of a calendar year
 * absorb the Part B deductible line by line, the first inpatient stay of a year the Part A
 * deductible; SNF days past the 20th carry the daily coinsurance.
 */
export function applyCostSharing(claims: readonly ClaimRecord[]): void {
  const ordered = claims.filter((c) => c.type !== 'pde')
    .sort((a, b) => a.start - b.start || (a.claimId < b.claimId ? -1 : 1));
  const partBLeft = new Map<number, number>();
  const partAUsed = new Set<number>();
  for (const claim of ordered) {
    const year = yearOf(claim.start);
    if (claim.type === 'carrier' || claim.type === 'dme' || claim.type === 'outpatient') {
      let left = partBLeft.get(year) ?? yearlyRate('partB', year);
      for (const line of claim.lines) {
        line.deductible = Math.min(left, line.allowed);
        left -= line.deductible;
        line.coinsurance = Math.round((line.allowed - line.deductible) * 0.2);
        line.paid = line.allowed - line.deductible - line.coinsurance;
      }
      partBLeft.set(year, left);
    } else if (claim.institutional) {
      const money = claim.institutional;
      if (claim.type === 'inpatient' && !partAUsed.has(year)) {
        partAUsed.add(year);
        money.deductible = Math.min(money.allowed, yearlyRate('partA', year));
      }
      if (claim.type === 'snf') {
        money.coinsuranceDays = Math.max(0, money.days - 20);
        money.coinsurance = Math.min(money.allowed, money.coinsuranceDays * yearlyRate('snfDay', year));
      }
      money.paid = money.allowed - money.deductible - money.coinsurance;
      spreadPayment(claim.lines, money.paid);
    }
  }
}

/** Splits a claim payment over its revenue lines in proportion to their charges. */
function spreadPayment(lines: ClaimLine[], paid: number): void {
  const charges = lines.reduce((sum, line) => sum + line.charge, 0);
  let left = paid;
  lines.forEach((line, i) => {
    line.paid = i === lines.length - 1 ? left : Math.round((paid * line.charge) / Math.max(1, charges));
    left -= line.paid;
  });
}
