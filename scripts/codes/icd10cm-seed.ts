/**
 * The partial ICD-10-CM catalogue made when no CDC file is at hand: every ICD-10-CM diagnosis code the local
 * sandbox emits (sandbox/data/codes/icd10.ts) and the Blue Button fixtures carry (fixtures/bluebutton/), with
 * the text they carry, which is BFD's upper-case copy of CDC's long description. See docs/codes.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalize } from '@/lib/claims/normalize';
import { isIcd10CmShape, normalizeIcd10 } from '@/lib/codes/code-forms';
import { ACUTE, CONDITIONS, ENCOUNTER, EXTERNAL_CAUSES } from '@/sandbox/data/codes/icd10';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'fixtures', 'bluebutton');

/** The sandbox's diagnosis codes and texts (its ICD-10-PCS procedures are not ICD-10-CM and are left out). */
export function sandboxDiagnoses(): Map<string, string> {
  const entries = new Map<string, string>();
  for (const { code, display } of [
    ...Object.values(CONDITIONS),
    ...ACUTE,
    ...ENCOUNTER,
    ...EXTERNAL_CAUSES,
  ]) {
    entries.set(normalizeIcd10(code), display);
  }
  return entries;
}

/** The ICD-10 diagnosis codes of the Blue Button fixtures that carry a text, read as the app reads claims. */
export function fixtureDiagnoses(dir: string = FIXTURES): Map<string, string> {
  const entries = new Map<string, string>();
  for (const file of readdirSync(dir).filter((name) => name.includes('-eob-') && name.endsWith('.json'))) {
    const data = normalize([JSON.parse(readFileSync(path.join(dir, file), 'utf8'))]);
    for (const diagnosis of data.claims.flatMap((claim) => claim.diagnoses)) {
      const code = normalizeIcd10(diagnosis.code);
      if (diagnosis.system === 'icd-10' && diagnosis.display && isIcd10CmShape(code)) {
        entries.set(code, diagnosis.display.trim());
      }
    }
  }
  return entries;
}

/** Sandbox and fixture codes together; the sandbox's text wins where both have a code. */
export function seedEntries(): Map<string, string> {
  return new Map([...fixtureDiagnoses(), ...sandboxDiagnoses()]);
}
