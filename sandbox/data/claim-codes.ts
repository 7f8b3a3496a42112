import type { ClaimRecord } from './claim-model';
import {
  ACUTE, CONDITIONS, ENCOUNTER, EXTERNAL_CAUSES, PROCEDURE_SETS, PROCEDURES, type CodeDisplay,
} from './codes/icd10';
import type { Profile } from './profile';
import { Rng } from './prng';

/**
 * The ICD-10 codes of a claim, drawn when it is rendered (not when the index is built) from a stream
 * seeded by the claim id, so they are the same every time and cost nothing for claims never read.
 */
export interface ClaimCodes {
  /** Principal first, then the others in the order the template's diagnosis slots take them. */
  diagnoses: CodeDisplay[];
  externalCauses: CodeDisplay[];
  procedures: CodeDisplay[];
}

/** Lines whose service tells the principal diagnosis. */
const REASONS: readonly [code: string, diagnosis: CodeDisplay][] = [
  ['J1817', CONDITIONS.diabetes], ['J7613', CONDITIONS.copd], ['J0897', CONDITIONS.osteoporosis],
  ['J0178', CONDITIONS.macularDegeneration], ['20610', CONDITIONS.osteoarthritis], ['J1756', CONDITIONS.ckd],
  ['27447', CONDITIONS.osteoarthritis],
];

/** The codes of one claim. */
export function claimCodes(claim: ClaimRecord, profile: Profile): ClaimCodes {
  const rng = Rng.of(profile.user.number, claim.claimId, 'codes');
  const codes = claim.lines.map((line) => line.service.code);
  const chronic = rng.sample(profile.conditions.map((key) => CONDITIONS[key]), profile.conditions.length);
  const principal = principalFor(claim, codes, rng);
  const anticoagulated = profile.conditions.includes('afib') ? ENCOUNTER[2] : undefined;
  const list = [principal, ...chronic, anticoagulated, ...ENCOUNTER.slice(3, 5), ...ACUTE.slice(4, 7)]
    .filter((code): code is CodeDisplay => code !== undefined);
  const set = claim.type === 'inpatient'
    ? (codes.includes('27447') ? PROCEDURE_SETS.surgicalStay : rng.sample(PROCEDURE_SETS.medicalStay, 2))
    : claim.type === 'snf' ? PROCEDURE_SETS.snf : rng.sample(PROCEDURE_SETS.outpatient, 1);
  return {
    diagnoses: list.filter((code, i) => list.findIndex((other) => other.code === code.code) === i),
    externalCauses: rng.sample(EXTERNAL_CAUSES, 2),
    procedures: set.map((code) => PROCEDURES.find((p) => p.code === code)).filter((p): p is CodeDisplay => !!p),
  };
}

function principalFor(claim: ClaimRecord, codes: readonly string[], rng: Rng): CodeDisplay | undefined {
  const named = REASONS.find(([code]) => codes.includes(code));
  if (named) return named[1];
  if (codes.includes('90662') || codes.includes('90732')) return ENCOUNTER[1];
  if (codes.includes('G0439')) return ENCOUNTER[0];
  if (claim.type === 'inpatient' || codes.includes('99284')) return rng.pick(ACUTE);
  if (claim.type === 'snf' || claim.type === 'hha') return rng.pick([ENCOUNTER[5], ACUTE[7]]);
  if (claim.type === 'hospice') return ENCOUNTER[6];
  return undefined;
}
