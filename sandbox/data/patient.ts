import { createHash } from 'node:crypto';
import { formatDay } from './dates';
import { DUAL_STATUS } from './monthly-codes';
import type { Profile } from './profile';
import { Rng } from './prng';
import { patientSample, type Json } from './samples';
import type { FhirVersion } from './types';

/**
 * The Patient resource of a beneficiary, cut from BFD's Patient read sample of the version
 * (fixtures/bluebutton/bfd-v<version>-patient.json; docs/blue-button.md §14): name, gender, birth date,
 * state and ZIP only, MBIs flagged current/historic (v2) or hashed (v1), and the monthly dual codes.
 */

const RACES: readonly [code: string, display: string, weight: number][] = [
  ['1', 'White', 75], ['2', 'Black', 10], ['5', 'Hispanic', 7], ['4', 'Asian', 4], ['3', 'Other', 2],
  ['6', 'North American Native', 1], ['0', 'Unknown', 1],
];
const SEX = { female: '248152002', male: '248153007' } as const;

/** The Patient JSON of a profile for a version. */
export function renderPatient(profile: Profile, version: FhirVersion, lastUpdated: string): string {
  const patient = patientSample(version);
  const { user, coverage } = profile;
  const rng = Rng.of(user.number, 'patient');
  const race = RACES[rng.weighted(RACES.map((r) => r[2]))] ?? RACES[0];
  patient.id = user.patientId;
  (patient.meta as Json).lastUpdated = lastUpdated;
  for (const ext of patient.extension as Json[]) {
    const url = String(ext.url);
    const coding = ext.valueCoding as Json | undefined;
    if (url.endsWith('us-core-sex')) ext.valueCode = SEX[user.gender];
    else if (url.endsWith('/race') && coding && race) Object.assign(coding, { code: race[0], display: race[1] });
    else if (url.endsWith('/rfrnc_yr')) ext.valueDate = String(coverage.referenceYear);
    else if (/\/dual_\d\d$/.test(url) && coding) {
      const code = coverage.dual[Number(url.slice(-2)) - 1] ?? 'NA';
      Object.assign(coding, { code, display: DUAL_STATUS[code] });
    }
  }
  patient.identifier = identifiers(patient.identifier as Json[], profile, version, rng);
  patient.name = [{ use: 'usual', family: user.familyName, given: [user.givenName, user.middleInitial] }];
  patient.gender = user.gender;
  patient.birthDate = formatDay(profile.birthDay);
  delete patient.deceasedDateTime;
  patient.address = [{ state: profile.state, postalCode: profile.zip }];
  return JSON.stringify(patient);
}

function identifiers(sample: Json[], profile: Profile, version: FhirVersion, rng: Rng): Json[] {
  const since = formatDay(profile.coverage.entitlementDay);
  const beneId = { ...sample[sample.length - 1], value: profile.user.patientId };
  if (version === 1) {
    const hash = createHash('sha256').update(profile.mbi).digest('hex');
    return [{ ...sample[0], value: hash, period: { start: since } }, beneId];
  }
  const current = sample.find((id) => JSON.stringify(id).includes('"current"'));
  const historic = sample.find((id) => JSON.stringify(id).includes('"historic"'));
  const out: Json[] = [];
  if (historic && rng.chance(0.25)) out.push({ ...historic, value: `${profile.mbi.slice(0, 10)}${(Number(profile.mbi.slice(-1)) + 1) % 10}` });
  if (current) out.push({ ...current, value: profile.mbi, period: { start: since } });
  out.push(beneId);
  return out;
}
