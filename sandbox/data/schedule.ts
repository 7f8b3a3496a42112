import type { Profile } from './profile';
import type { Rng } from './prng';
import { CLAIM_TYPES, type ClaimType } from './types';

/**
 * How many claims of each type a beneficiary has and when they happen. Proportions follow Medicare
 * fee-for-service volume (carrier and Part D events dominate; institutional stays are rare);
 * BBUser1NNNN users get exactly NNNN claims with every type present once NNNN ≥ 8 (issue 2).
 */

/** Claims per type. */
export type TypeCounts = Record<ClaimType, number>;

const WEIGHTS: Readonly<TypeCounts> = {
  carrier: 40, dme: 4, hha: 2.5, hospice: 1, inpatient: 2.5, outpatient: 9, pde: 36, snf: 1.2,
};

/** The per-type split of `profile.claimCount`. */
export function allocateTypes(rng: Rng, profile: Profile): TypeCounts {
  const total = profile.claimCount;
  const hasD = profile.coverage.parts.includes('D');
  const weights = { ...WEIGHTS };
  if (!profile.exactCount) {
    if (!hasD) weights.pde = 0;
    if (!rng.chance(0.5)) weights.dme = 0;
    if (!rng.chance(0.55)) weights.inpatient = 0;
    if (weights.inpatient === 0 || !rng.chance(0.45)) weights.snf = 0;
    if (!rng.chance(0.3)) weights.hha = 0;
    if (!rng.chance(0.08)) weights.hospice = 0;
  }
  const counts = largestRemainder(total, weights);
  if (profile.exactCount && total >= CLAIM_TYPES.length) {
    for (const type of CLAIM_TYPES) {
      if (counts[type] > 0) continue;
      const donor = CLAIM_TYPES.reduce((a, b) => (counts[a] >= counts[b] ? a : b));
      counts[donor] -= 1;
      counts[type] = 1;
    }
  }
  return counts;
}

function largestRemainder(total: number, weights: Readonly<TypeCounts>): TypeCounts {
  const sum = CLAIM_TYPES.reduce((s, type) => s + weights[type], 0);
  const counts = {} as TypeCounts;
  const remainders: [ClaimType, number][] = [];
  let given = 0;
  for (const type of CLAIM_TYPES) {
    const exact = (total * weights[type]) / sum;
    counts[type] = Math.floor(exact);
    given += counts[type];
    remainders.push([type, exact - counts[type]]);
  }
  remainders.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (let i = 0; given < total; i++, given++) {
    const type = remainders[i % remainders.length]?.[0] ?? 'carrier';
    counts[type] += 1;
  }
  return counts;
}

/** The service span of one non-PDE claim. */
export interface Span {
  start: number;
  end: number;
}

/** `count` claim spans of a type inside [first, last], sorted by start. */
export function drawSpans(rng: Rng, type: ClaimType, count: number, first: number, last: number,
  after: readonly Span[] = []): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < count; i++) {
    const length = spanLength(rng, type);
    const latest = Math.max(first, last - length + 1);
    let start = rng.int(first, latest);
    if (type === 'snf' && after.length > 0 && rng.chance(0.8)) start = Math.min(rng.pick(after).end, latest);
    spans.push({ start, end: Math.min(last, start + length - 1) });
  }
  return spans.sort((a, b) => a.start - b.start);
}

function spanLength(rng: Rng, type: ClaimType): number {
  switch (type) {
    case 'inpatient':
      return 1 + rng.pick([2, 2, 3, 3, 3, 4, 4, 5, 6, 8, 11]);
    case 'snf':
      return rng.int(8, 30);
    case 'hha':
      return rng.chance(0.85) ? 30 : rng.int(5, 29);
    case 'hospice':
      return rng.int(14, 30);
    default:
      return 1;
  }
}
