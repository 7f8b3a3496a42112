import type { ClaimRecord } from './claim-model';
import { buildClaims } from './claims';
import { renderCoverage } from './coverage';
import { formatDay, formatInstant, parseDay } from './dates';
import { renderEob } from './eob-render';
import { Lru } from './lru';
import { renderPatient } from './patient';
import { makeProfile } from './profile';
import type { BeneficiaryData, CoverageEntry, EobIndexEntry, FhirVersion } from './types';

/** Rendered EOB text kept per beneficiary and version, in characters (~1 byte each). */
const RENDER_CACHE_CHARS = 8_000_000;

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
    claims.map((claim) => Object.freeze({
      id: claim.id, type: claim.type, serviceEnd: formatDay(claim.end), lastUpdated: claim.lastUpdated,
    })),
  );
  let byId: Map<string, ClaimRecord> | undefined;
  const rendered = { 1: newCache(), 2: newCache() };
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
      const cache = rendered[version];
      let json = cache.get(id);
      if (json === undefined) {
        json = renderEob(claim, profile, version);
        cache.set(id, json);
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

function newCache(): Lru<string, string> {
  return new Lru<string, string>(RENDER_CACHE_CHARS, (json) => json.length);
}
