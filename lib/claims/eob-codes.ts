/**
 * The clinical codes on a claim: diagnoses, procedures and line service codes, each taken from the most
 * specific coding present (ICD-10-CM before ICD-10 before ICD-9-CM; HCPCS or NDC for lines), whatever the
 * coding order. https://hl7.org/fhir/R4/explanationofbenefit-definitions.html#ExplanationOfBenefit.diagnosis
 */
import type { CodeableConcept, CodeOnlyConcept, Coding } from './fhir-common';
import type { Eob } from './fhir-eob-schema';
import type { CodeSystemKind, Diagnosis, Procedure } from './types';

const ICD_PREFERENCE = ['/icd-10-cm', '/icd-10', '/icd-9-cm', '/icd-9'];
const PROCEDURE_PREFERENCE = ['/icd-10', ...ICD_PREFERENCE];
const SERVICE_PREFERENCE = ['/codesystem/hcpcs', '/sid/ndc', '/hcpcs_cd'];

function systemKind(system: string | undefined): CodeSystemKind {
  const lower = system?.toLowerCase() ?? '';
  if (lower.endsWith('/icd-10-cm') || lower.endsWith('/icd-10') || lower.endsWith('/icd10')) return 'icd-10';
  if (lower.endsWith('/icd-9-cm') || lower.endsWith('/icd-9') || lower.endsWith('/icd9')) return 'icd-9';
  if (lower.endsWith('/hcpcs') || lower.endsWith('/hcpcs_cd')) return 'hcpcs';
  if (lower.endsWith('/sid/ndc')) return 'ndc';
  return 'other';
}

/** The coding with a code whose system comes first in `preference`, else the first coding with a code. */
export function preferredCoding(
  concept: CodeableConcept | undefined,
  preference: readonly string[],
): Coding | undefined {
  let best: Coding | undefined;
  let bestRank = preference.length;
  for (const coding of concept?.coding ?? []) {
    if (!coding.code) continue;
    const system = coding.system ?? '';
    let rank = 0;
    while (rank < bestRank && !system.endsWith(preference[rank] ?? '')) rank += 1;
    if (best === undefined || rank < bestRank) {
      best = coding;
      bestRank = rank;
    }
  }
  return best;
}

function roleOf(types: readonly CodeOnlyConcept[] | undefined): string | null {
  for (const type of types ?? []) {
    for (const coding of type.coding ?? []) if (coding.code) return coding.code;
  }
  return null;
}

/** The claim's diagnoses, in claim order; entries without a diagnosis code (v1 DRG `packageCode`) are left out. */
export function diagnosesOf(eob: Eob): Diagnosis[] {
  const diagnoses: Diagnosis[] = [];
  for (const entry of eob.diagnosis ?? []) {
    const coding = preferredCoding(entry.diagnosisCodeableConcept, ICD_PREFERENCE);
    if (!coding?.code) continue;
    diagnoses.push({
      code: coding.code,
      display: coding.display ?? null,
      system: systemKind(coding.system),
      role: roleOf(entry.type),
    });
  }
  return diagnoses;
}

/**
 * The claim's procedures, in claim order, dated `YYYY-MM-DD`.
 * https://hl7.org/fhir/R4/explanationofbenefit-definitions.html#ExplanationOfBenefit.procedure
 */
export function proceduresOf(eob: Eob): Procedure[] {
  const procedures: Procedure[] = [];
  for (const entry of eob.procedure ?? []) {
    const coding = preferredCoding(entry.procedureCodeableConcept, PROCEDURE_PREFERENCE);
    if (!coding?.code) continue;
    procedures.push({
      code: coding.code,
      display: coding.display ?? null,
      system: systemKind(coding.system),
      date: entry.date?.slice(0, 10) ?? null,
    });
  }
  return procedures;
}

/** A line's service code (HCPCS, NDC…) and its display. */
export function serviceCodeOf(product: CodeableConcept | undefined): {
  code: string | null;
  display: string | null;
} {
  const coding = preferredCoding(product, SERVICE_PREFERENCE);
  return { code: coding?.code ?? null, display: coding?.display ?? null };
}
