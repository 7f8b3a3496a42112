import type { ClaimRecord } from './claim-model';
import { SPECIALTIES } from './codes/providers';
import { isDual } from './coverage-model';
import { formatInstant } from './dates';
import { demoFills } from './demo-users';
import { scheduleFills } from './pde-schedule';
import { priceFills } from './pde-pricing';
import { applyCostSharing, priceInstitutional, priceLines } from './pricing';
import type { Profile } from './profile';
import { Rng } from './prng';
import { drawEncounter } from './recipes';
import { allocateTypes, drawSpans, type Span } from './schedule';
import { CLAIM_TYPES, type ClaimType } from './types';

/**
 * All claims of a beneficiary, as lightweight records sorted exactly as BFD returns an EOB search:
 * by the unprefixed claim id compared as a string, then by type (issue 2, FHIR; docs/blue-button.md §8).
 */
export function buildClaims(profile: Profile): ClaimRecord[] {
  const n = profile.user.number;
  const rng = Rng.of(n, 'claims');
  const counts = allocateTypes(rng, profile);
  const ids = new ClaimIds(Rng.of(n, 'claim-ids'));
  const claims: ClaimRecord[] = [];
  const ffsLast = Math.min(profile.windowEnd, (profile.coverage.partCStart ?? Infinity) - 1);
  let stays: Span[] = [];
  for (const type of CLAIM_TYPES) {
    if (type === 'pde' || counts[type] === 0) continue;
    const spans = drawSpans(rng, type, counts[type], profile.windowStart, ffsLast, stays);
    if (type === 'inpatient') stays = spans;
    for (const span of spans) claims.push(professionalOrInstitutional(rng, profile, type, span, ids.next(type)));
  }
  if (counts.pde > 0) {
    const target = profile.exactCount ? counts.pde : undefined;
    for (const claim of partD(profile, target, ids)) claims.push(claim);
  }
  applyCostSharing(claims);
  const stamps = Rng.of(n, 'stamps');
  for (const claim of claims) stamp(stamps, claim, profile.anchorDay);
  return claims.sort(compareBfd);
}

/** BFD's EOB order: claim id as a string, then type. */
export function compareBfd(a: { claimId: string; type: ClaimType }, b: { claimId: string; type: ClaimType }): number {
  if (a.claimId !== b.claimId) return a.claimId < b.claimId ? -1 : 1;
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

class ClaimIds {
  private readonly seen = new Set<string>();
  constructor(private readonly rng: Rng) {}

  /** A fresh negative id: 10 digits for PDE events, 11 for claims (as CMS's synthetic data). */
  next(type: ClaimType): string {
    for (;;) {
      const high = type === 'pde' ? this.rng.int(10_000, 99_999) : this.rng.int(100_000, 199_999);
      const id = `-${high}${String(this.rng.int(0, 99_999)).padStart(5, '0')}`;
      if (!this.seen.has(id)) {
        this.seen.add(id);
        return id;
      }
    }
  }
}

function professionalOrInstitutional(rng: Rng, profile: Profile, type: ClaimType, span: Span,
  claimId: string): ClaimRecord {
  const encounter = drawEncounter(rng, type, profile.conditions);
  const specialty = SPECIALTIES.find((s) => s.cms === encounter.specialty) ?? SPECIALTIES[0];
  if (!specialty) throw new Error('no specialties');
  const partA = type === 'inpatient' || type === 'snf' || type === 'hha' || type === 'hospice';
  const days = type === 'hospice' ? span.end - span.start + 1 : Math.max(1, span.end - span.start);
  const priced = partA ? priceInstitutional(rng, type, encounter.lines, days) : undefined;
  return {
    type,
    claimId,
    id: `${type}-${claimId}`,
    start: span.start,
    end: span.end,
    procDay: 0,
    lastUpdated: '',
    lines: priced ? priced.lines : priceLines(rng, type, encounter.lines),
    institutional: priced?.money,
    facility: rng.int(0, 1),
    doctor: SPECIALTIES.indexOf(specialty),
    specialty,
  };
}

function partD(profile: Profile, count: number | undefined, ids: ClaimIds): ClaimRecord[] {
  const n = profile.user.number;
  const first = Math.max(profile.windowStart, profile.coverage.partDStart ?? profile.windowStart);
  const drawn = scheduleFills(Rng.of(n, 'pde'), profile.conditions, count, first, profile.windowEnd);
  const drafts = profile.demo ? demoFills(profile.demo, drawn, first, profile.windowStart, profile.anchorDay) : drawn;
  const fills = priceFills(Rng.of(n, 'pde-money'), drafts, isDual(profile.coverage));
  const prescriber = SPECIALTIES[0];
  if (!prescriber) throw new Error('no specialties');
  return fills.map((fill, i) => {
    const day = drafts[i]?.day ?? first;
    const claimId = ids.next('pde');
    return {
      type: 'pde', claimId, id: `pde-${claimId}`, start: day, end: day, procDay: fill.paidDay, lastUpdated: '',
      lines: [], fill,
      facility: fill.pharmacy, doctor: 0, specialty: prescriber,
    };
  });
}

function stamp(rng: Rng, claim: ClaimRecord, anchorDay: number): void {
  if (claim.type !== 'pde') claim.procDay = Math.min(anchorDay - 2, claim.end + rng.int(7, 21));
  else if (claim.fill) claim.procDay = claim.fill.paidDay = Math.min(anchorDay - 1, claim.fill.paidDay);
  const loaded = Math.max(claim.end + 1, Math.min(anchorDay - 1, Math.max(claim.procDay, claim.end) + rng.int(1, 6)));
  claim.lastUpdated = formatInstant(loaded, rng.int(3_600, 79_200), rng.int(0, 999));
}
