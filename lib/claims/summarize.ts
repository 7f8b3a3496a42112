/**
 * The summary contract: counts and money by claim type and by month, prescriptions and coverage, computed from
 * normalized data exactly as docs/money.md defines them. Money is added in integer micro-dollars and
 * rounded to cents only when the JSON is built.
 */
import { roundToCents, toMicros, type Micros } from './money';
import type { NormalizedData } from './normalized-data';
import type { MonthTotals, Summary, SummaryCoverage, SummaryPrescription, TypeTotals } from './summary-types';
import { CLAIM_TYPES, type Claim, type ClaimType, type CoveragePart, type Prescription } from './types';

interface Accumulator {
  count: number;
  billed: Micros;
  medicarePaid: Micros;
  youPaid: Micros;
}

function emptyAccumulator(): Accumulator {
  return { count: 0, billed: 0, medicarePaid: 0, youPaid: 0 };
}

function addClaim(acc: Accumulator, claim: Claim) {
  acc.count += 1;
  acc.billed += toMicros(claim.billed);
  acc.medicarePaid += toMicros(claim.medicarePaid);
  acc.youPaid += toMicros(claim.youPaid);
}

function rounded(acc: Accumulator): TypeTotals {
  return {
    count: acc.count,
    billed: roundToCents(acc.billed),
    medicarePaid: roundToCents(acc.medicarePaid),
    youPaid: roundToCents(acc.youPaid),
  };
}

function descending(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

function summaryPrescription(p: Prescription): SummaryPrescription {
  return {
    id: p.id,
    date: p.date,
    ndc: p.ndc,
    drugName: p.drugName,
    daysSupply: p.daysSupply,
    refillNumber: p.refillNumber,
    quantity: p.quantity,
    totalCost: roundToCents(toMicros(p.totalCost)),
    planPaid: roundToCents(toMicros(p.planPaid)),
    youPaid: roundToCents(toMicros(p.youPaid)),
  };
}

function summaryCoverage(coverage: readonly CoveragePart[]): SummaryCoverage[] {
  return [...coverage]
    .sort((a, b) => (a.part < b.part ? -1 : a.part > b.part ? 1 : 0))
    .map(({ part, status, start, end }) => ({ part, status, start, end }));
}

/**
 * The contract's summary of normalized data (only claims, prescriptions and coverage are read), as
 * docs/money.md "Output shape" defines it.
 */
export function summarize(data: Pick<NormalizedData, 'claims' | 'prescriptions' | 'coverage'>): Summary {
  const total = emptyAccumulator();
  const byType = new Map<ClaimType, Accumulator>(CLAIM_TYPES.map((type) => [type, emptyAccumulator()]));
  const byMonth = new Map<string, Accumulator>();
  for (const claim of data.claims) {
    addClaim(total, claim);
    const typeAcc = byType.get(claim.type);
    if (typeAcc) addClaim(typeAcc, claim);
    if (claim.month === null) continue;
    let monthAcc = byMonth.get(claim.month);
    if (!monthAcc) byMonth.set(claim.month, (monthAcc = emptyAccumulator()));
    addClaim(monthAcc, claim);
  }
  const typeTotals = (type: ClaimType) => rounded(byType.get(type) ?? emptyAccumulator());
  const { count, ...totals } = rounded(total);
  const summary: Summary = {
    claims: {
      count,
      byType: Object.fromEntries(
        CLAIM_TYPES.map((type) => [type, typeTotals(type).count]),
      ) as Summary['claims']['byType'],
    },
    totals,
    byType: Object.fromEntries(CLAIM_TYPES.map((type) => [type, typeTotals(type)])) as Summary['byType'],
    byMonth: [...byMonth]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, acc]): MonthTotals => ({ month, ...rounded(acc) })),
    prescriptions: [...data.prescriptions]
      .sort((a, b) => descending(a.date, b.date) || descending(a.id, b.id))
      .map(summaryPrescription),
  };
  if (data.coverage.length > 0) summary.coverage = summaryCoverage(data.coverage);
  return summary;
}
