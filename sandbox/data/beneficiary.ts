import type { ClaimRecord } from './claim-model';
import { buildClaims } from './claims';
import { renderCoverage } from './coverage';
import { formatDay, formatInstant, parseDay } from './dates';
import { renderEob } from './eob-render';
import { Lru } from './lru';
import { renderPatient } from './patient';
import { makeProfile } from './profile';
import type { BeneficiaryData, CoverageEntry, EobIndexEntry, FhirVersion } from './types';

/**
 * Rendered EOB text, shared by every beneficiary and version, bounded in characters (~1 byte each): enough for
 * a 2,000-claim beneficiary in both versions, so repeated reads cost what a database read would.
 */
const RENDER_CACHE_CHARS = 160_000_000;
const rendered = new Lru<string, string>(RENDER_CACHE_CHARS, (json) => json.length);

/** Forgets every rendered EOB. */
export function clearRenderCache(): void {
  rendered.clear();
}

/**
 * Builds the synthetic beneficiary of user `n` for an anchor date (`YYYY-MM-DD`, the data's
 * "today"): the claim index at once, every resource lazily on first request and then cached
 * (issue 2: a 9,999-claim index in well under a second, a 50-EOB page in milliseconds).
 */
export function buildBeneficiary(n: number, anchor: string): BeneficiaryData {
  const anchorDay = parseDay(anchor);
  const profile = makeProfile(n, anchorDay);
  const claims = buildClaims(profile);
  const eobs: readonly EobIndexEntry[] = Object.freeze(
    claims.map((claim) =>
      Object.freeze({
        id: claim.id,
        type: claim.type,
        serviceEnd: formatDay(claim.end),
        lastUpdated: claim.lastUpdated,
      }),
    ),
  );
  let byId: Map<string, ClaimRecord> | undefined;
  const resourceStamp = formatInstant(anchorDay - 3, 37_800, 0);
  const patients: Partial<Record<FhirVersion, string>> = {};
  const coverages: Partial<Record<FhirVersion, readonly CoverageEntry[]>> = {};
  return {
    user: profile.user,
    eobs,
    eobJson(id, version) {
      byId ??= new Map(claims.map((claim) => [claim.id, claim]));
      const claim = byId.get(id);
      if (!claim) return undefined;
      const key = `${n}|${anchor}|${version}|${id}`;
      let json = rendered.get(key);
      if (json === undefined) {
        json = renderEob(claim, profile, version);
        rendered.set(key, json);
      }
      return json;
    },
    patientJson(version) {
      return (patients[version] ??= renderPatient(profile, version, resourceStamp));
    },
    coverage(version) {
      return (coverages[version] ??= Object.freeze(renderCoverage(profile, version, resourceStamp)));
    },
  };
}
