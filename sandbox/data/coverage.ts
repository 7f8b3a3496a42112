import type { Part } from './coverage-model';
import { dayOf, formatDay, monthOf, yearOf } from './dates';
import { BUY_IN, COST_SHARE, costShareFor, DUAL_STATUS, HMO } from './monthly-codes';
import type { Profile } from './profile';
import { coverageSamples, type Json } from './samples';
import type { CoverageEntry, FhirVersion } from './types';

/**
 * The Coverage resources of a beneficiary (two to four, parts in order), each cut from the sample of
 * its part in BFD's coverage search response (fixtures/bluebutton/bfd-v<version>-coverage-search-bundle.json;
 * docs/blue-button.md §14): ids `part-a-<patientId>` …, status by BFD's rule (A/B active when not terminated,
 * C/D always active), `period.start` at enrolment, and the monthly extensions of the reference year.
 */

const PART_INDEX: Readonly<Record<Part, number>> = { A: 0, B: 1, C: 2, D: 3 };
const MS_CD = { code: '10', display: 'Aged without ESRD' };
const OREC = { code: '0', display: "Old age and survivor's insurance (OASI)" };
const NOT_TERMINATED = { code: '0', display: 'Not Terminated' };

/** The Coverage entries of a profile for a version. */
export function renderCoverage(profile: Profile, version: FhirVersion, lastUpdated: string): CoverageEntry[] {
  const samples = coverageSamples(version);
  return profile.coverage.parts.map((part) => {
    const coverage = samples[PART_INDEX[part]];
    if (!coverage) throw new Error(`no Part ${part} coverage sample`);
    const id = `part-${part.toLowerCase()}-${profile.user.patientId}`;
    coverage.id = id;
    (coverage.meta as Json).lastUpdated = lastUpdated;
    (coverage.beneficiary as Json).reference = `Patient/${profile.user.patientId}`;
    if ('subscriberId' in coverage) coverage.subscriberId = profile.mbi;
    coverage.status = 'active';
    coverage.period = { start: formatDay(startOf(profile, part)) };
    for (const ext of coverage.extension as Json[]) fillExtension(ext, part, profile);
    return { id, json: JSON.stringify(orderKeys(coverage)) };
  });
}

function startOf(profile: Profile, part: Part): number {
  const { coverage } = profile;
  if (part === 'C') return coverage.partCStart ?? coverage.entitlementDay;
  if (part === 'D') return coverage.partDStart ?? coverage.entitlementDay;
  return coverage.entitlementDay;
}

function fillExtension(ext: Json, part: Part, profile: Profile): void {
  const url = String(ext.url);
  const coding = ext.valueCoding as Json | undefined;
  const { coverage } = profile;
  const variable = url.replace(/^.*\/variables\//, '');
  const month = monthIndex(variable);
  const monthStart = dayOf(coverage.referenceYear, month + 1, 1);
  const enrolled = monthStart >= dayOf(yearOf(startOf(profile, part)), monthOf(startOf(profile, part)), 1);
  const dual = coverage.dual[month] ?? 'NA';
  const set = (code: string, display?: string) => {
    if (!coding) return;
    coding.code = code;
    if (display) coding.display = display;
    else delete coding.display;
  };
  if (variable === 'rfrnc_yr') ext.valueDate = String(coverage.referenceYear);
  else if (variable === 'ms_cd') set(MS_CD.code, MS_CD.display);
  else if (variable === 'orec' || variable === 'crec') set(OREC.code, OREC.display);
  else if (variable === 'a_trm_cd' || variable === 'b_trm_cd') set(NOT_TERMINATED.code, NOT_TERMINATED.display);
  else if (variable.startsWith('dual_')) set(dual, DUAL_STATUS[dual]);
  else if (variable.startsWith('buyin')) set(dual === 'NA' ? '3' : 'C', BUY_IN[dual === 'NA' ? '3' : 'C']);
  else if (variable.startsWith('ptc_cntrct_id_')) set(enrolled ? coverage.partCContract : '0');
  else if (variable.startsWith('ptc_pbp_id_')) set(coverage.partCPbp);
  else if (variable.startsWith('hmo_ind_')) set(enrolled ? 'C' : '0', HMO[enrolled ? 'C' : '0']);
  else if (variable.startsWith('ptdcntrct')) {
    set(enrolled ? coverage.partDContract : '0', enrolled ? undefined : COST_SHARE['00']);
    if (variable.includes('/')) ext.url = url.replace(/\/\d{4}-(\d+)$/, `/${coverage.referenceYear}-$1`);
  } else if (variable.startsWith('ptdpbpid')) set(coverage.partDPbp);
  else if (variable.startsWith('cstshr')) {
    const code = enrolled ? costShareFor(dual) : '00';
    set(code, COST_SHARE[code]);
  } else if (variable.startsWith('rdsind')) set('N', 'No employer subsidization for the retired beneficiary');
}

/** 0–11 from `dual_07`, `buyin07`, `ptdcntrct07`, `ptdcntrct07/2018-7`; 0 when there is none. */
function monthIndex(variable: string): number {
  const match = /(\d\d)(?:\/\d{4}-\d+)?$/.exec(variable);
  return match ? Math.min(11, Math.max(0, Number(match[1]) - 1)) : 0;
}

/** Puts `period` where BFD writes it, after `relationship` (v2) or `beneficiary` (v1). */
function orderKeys(coverage: Json): Json {
  const { period, ...rest } = coverage;
  const out: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] = value;
    if (key === 'relationship' || (key === 'beneficiary' && !('relationship' in rest))) out.period = period;
  }
  return out;
}
