/**
 * How many of the codes on the local sandbox's claims lib/codes can describe, for `npm run codes` and the
 * coverage test. Each synthetic beneficiary's EOBs are rendered in-process, normalized as the app normalizes
 * them, and every diagnosis, line code and drug is put through the public API. See docs/codes.md "The report".
 */
import { normalize } from '@/lib/claims/normalize';
import type { FhirVersion } from '@/lib/claims/fhir-version';
import { getBeneficiary } from '@/sandbox/data';
import { describeDiagnosis, describeDrug, describeRevenueCenter, describeService, type Described } from '.';

/** The shares the report is held to: diagnoses and HCPCS Level II line codes shown with a description. */
export const COVERAGE_TARGETS = { diagnoses: 0.99, hcpcs: 0.95 } as const;

/** The default data day of the report, so its numbers do not move from week to week. */
export const REPORT_ANCHOR = '2025-06-02';

/** Counts for one kind of code: how many, how many with a text, where texts came from, codes without one. */
export interface Tally {
  total: number;
  described: number;
  bySource: Record<string, number>;
  /** Distinct codes seen, and those never described. */
  distinct: Set<string>;
  undescribed: Set<string>;
}

/** The report's numbers: diagnoses, line codes by kind, revenue centres and drugs. */
export interface CodeCoverage {
  users: number;
  claims: number;
  diagnoses: Tally;
  /** The same diagnoses without the claim's display: what the ICD-10-CM catalogue alone covers. */
  diagnosesByCatalogue: Tally;
  hcpcs: Tally;
  hcpcsByCatalogue: Tally;
  cpt: Tally;
  /** Revenue centre codes of institutional lines (the claims carry no text for them here). */
  revenueCenters: Tally;
  /** NDCs of Part D fills and drug lines, without the claim's drug name: what the NDC catalogue covers. */
  drugsByCatalogue: Tally;
}

function tally(): Tally {
  return { total: 0, described: 0, bySource: {}, distinct: new Set(), undescribed: new Set() };
}

function count(into: Tally, described: Described | null, code: string) {
  into.total += 1;
  into.distinct.add(code);
  if (described?.text) {
    into.described += 1;
    const source = described.source ?? 'unknown';
    into.bySource[source] = (into.bySource[source] ?? 0) + 1;
  } else {
    into.undescribed.add(code);
  }
}

/** The share of a tally that has a description (1 for an empty tally). */
export function share(t: Tally): number {
  return t.total === 0 ? 1 : t.described / t.total;
}

/** Measures coverage over the synthetic users `users` (numbers, e.g. 0–199), read as `version` EOBs. */
export function measureCodeCoverage(
  users: readonly number[],
  { anchor = REPORT_ANCHOR, version = 'v2' as FhirVersion } = {},
): CodeCoverage {
  const result: CodeCoverage = {
    users: users.length,
    claims: 0,
    diagnoses: tally(),
    diagnosesByCatalogue: tally(),
    hcpcs: tally(),
    hcpcsByCatalogue: tally(),
    cpt: tally(),
    revenueCenters: tally(),
    drugsByCatalogue: tally(),
  };
  for (const user of users) {
    const bene = getBeneficiary(user, { anchor });
    const resources = bene.eobs.map((entry) =>
      JSON.parse(bene.eobJson(entry.id, version === 'v1' ? 1 : 2) ?? 'null'),
    );
    const data = normalize(resources, { version });
    result.claims += data.claims.length;
    for (const claim of data.claims) {
      for (const diagnosis of claim.diagnoses) {
        count(result.diagnoses, describeDiagnosis(diagnosis), diagnosis.code);
        count(
          result.diagnosesByCatalogue,
          describeDiagnosis({ ...diagnosis, display: null }),
          diagnosis.code,
        );
      }
      for (const line of claim.lines) {
        const described = describeService(line);
        if (described.kind === 'hcpcs') {
          count(result.hcpcs, described, described.code);
          count(result.hcpcsByCatalogue, describeService({ ...line, display: null }), described.code);
        } else if (described.kind === 'cpt') {
          count(result.cpt, described, described.code);
        }
        if (line.revenue) count(result.revenueCenters, describeRevenueCenter(line.revenue), line.revenue);
        if (line.ndc) count(result.drugsByCatalogue, describeDrug(line.ndc, null), line.ndc);
      }
    }
    for (const fill of data.prescriptions) {
      if (fill.ndc) count(result.drugsByCatalogue, describeDrug(fill.ndc, null), fill.ndc);
    }
  }
  return result;
}
