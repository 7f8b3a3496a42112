import { isCpt, type Service } from './codes/hcpcs';
import type { CodeDisplay } from './codes/icd10';
import type { FhirVersion } from './types';

/**
 * Coding fragments (JSON text) of generated EOBs, in the systems and order of BFD's samples
 * (fixtures/bluebutton/bfd-v*-eob-*.json `diagnosis`, `procedure`, `item.productOrService`).
 */

const json = JSON.stringify;

/** The code at `index`, wrapping around a short list. */
export function pick(list: readonly CodeDisplay[], index: number): CodeDisplay {
  const found = list[index % Math.max(1, list.length)];
  if (!found) throw new Error('a claim without the codes its template needs');
  return found;
}

/** The diagnosis codings BFD writes for an ICD-10-CM code: v2 pairs icd-10-cm with icd-10, v1 has icd-10 only. */
export function diagnosisCodings(code: CodeDisplay, version: FhirVersion): string {
  const icd10 = json({ system: 'http://hl7.org/fhir/sid/icd-10', code: code.code, display: code.display });
  if (version === 1) return `[${icd10}]`;
  return `[${json({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: code.code, display: code.display })},${icd10}]`;
}

/** The procedure codings BFD writes for an ICD-10-PCS code (v2: CMS ICD10 system plus icd-10; v1: icd-10). */
export function procedureCodings(code: CodeDisplay, version: FhirVersion): string {
  const icd10 = json({ system: 'http://hl7.org/fhir/sid/icd-10', code: code.code, display: code.display });
  if (version === 1) return `[${icd10}]`;
  return `[${json({ system: 'http://www.cms.gov/Medicare/Coding/ICD10', code: code.code, display: code.display })},${icd10}]`;
}

/** A HCPCS coding; CPT codes never carry a display (AMA's descriptors are licensed). */
export function hcpcsCoding(system: string, version: string, service: Service): string {
  const display = service.display && !isCpt(service.code) ? service.display : undefined;
  return json({ system, ...(version ? { version } : {}), code: service.code, ...(display ? { display } : {}) });
}
