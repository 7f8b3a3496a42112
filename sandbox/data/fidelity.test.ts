import { describe, expect, it } from 'vitest';
import { getBeneficiary } from './index';
import {
  moneyVariablesOf,
  readFixture,
  systemsOf,
  type LooseJson,
  type Resource,
} from './readers.test-support';
import { CLAIM_TYPES, type ClaimType, type FhirVersion } from './types';

// Every generated claim type carries the coding systems and money variables of BFD's own sample of
// that type (issue 2), in v1 and v2. The one substitution: the SNF/HHA/hospice samples date from
// before October 2015 and code diagnoses in ICD-9-CM; claims of the last four years are ICD-10.
const ANCHOR = '2026-11-16';
const USERS = [10_040, 10_600, 3, 7, 12];
const PART: Record<ClaimType, string> = {
  carrier: 'b', dme: 'b', hha: 'b', hospice: 'a', inpatient: 'a', outpatient: 'b', pde: 'd', snf: 'a',
};

function expectedSystems(sample: Resource, version: FhirVersion): Set<string> {
  const systems = systemsOf(sample);
  if (systems.delete('http://hl7.org/fhir/sid/icd-9-cm')) {
    systems.add(version === 1 ? 'http://hl7.org/fhir/sid/icd-10' : 'http://hl7.org/fhir/sid/icd-10-cm');
  }
  return systems;
}

function generated(type: ClaimType, version: FhirVersion, perUser = 25): Resource[] {
  const out: Resource[] = [];
  for (const n of USERS) {
    const beneficiary = getBeneficiary(n, { anchor: ANCHOR });
    for (const entry of beneficiary.eobs.filter((e) => e.type === type).slice(0, perUser)) {
      out.push(JSON.parse(beneficiary.eobJson(entry.id, version) ?? 'null') as Resource);
    }
  }
  return out;
}

describe.each([1, 2] as const)('FHIR v%i EOBs against the BFD samples', (version) => {
  it.each(CLAIM_TYPES)('%s carries every coding system and money variable of the sample', (type) => {
    const sample = readFixture(`bfd-v${version}-eob-${type}.json`);
    const systems = expectedSystems(sample, version);
    const money = moneyVariablesOf(sample);
    expect(money.size).toBeGreaterThan(0);
    const eobs = generated(type, version);
    expect(eobs.length).toBeGreaterThan(0);
    for (const eob of eobs) {
      const haveSystems = systemsOf(eob);
      const haveMoney = moneyVariablesOf(eob);
      expect([...systems].filter((s) => !haveSystems.has(s)), `${String(eob.id)} systems`).toEqual([]);
      expect([...money].filter((v) => !haveMoney.has(v)), `${String(eob.id)} money`).toEqual([]);
    }
  });

  it.each(CLAIM_TYPES)('%s has the sample profile, references and index fields', (type) => {
    const sample = readFixture(`bfd-v${version}-eob-${type}.json`);
    const beneficiary = getBeneficiary(USERS[0] ?? 0, { anchor: ANCHOR });
    const patientId = beneficiary.user.patientId;
    for (const entry of beneficiary.eobs.filter((e) => e.type === type).slice(0, 10)) {
      const eob = JSON.parse(beneficiary.eobJson(entry.id, version) ?? 'null') as LooseJson;
      expect(eob.resourceType).toBe('ExplanationOfBenefit');
      expect(eob.id).toBe(entry.id);
      expect(eob.id).toMatch(new RegExp(`^${type}--\\d{10,11}$`));
      expect(eob.meta.profile).toEqual((sample as LooseJson).meta.profile);
      expect(eob.meta.lastUpdated).toBe(entry.lastUpdated);
      expect(eob.billablePeriod.end).toBe(entry.serviceEnd);
      expect(eob.billablePeriod.start <= eob.billablePeriod.end).toBe(true);
      expect(eob.patient.reference).toBe(`Patient/${patientId}`);
      const insurance = Array.isArray(eob.insurance) ? eob.insurance[0] : eob.insurance;
      expect(insurance.coverage.reference).toBe(`Coverage/part-${PART[type]}-${patientId}`);
      const eobType = eob.type.coding.find((c: { system: string }) => c.system.endsWith('/codesystem/eob-type'));
      expect(eobType.code).toBe(type.toUpperCase());
      for (const item of eob.item) {
        const date = item.servicedDate ?? item.servicedPeriod?.end;
        if (date) expect(date >= eob.billablePeriod.start && date <= entry.serviceEnd).toBe(true);
      }
      expect(JSON.stringify(eob)).not.toMatch(/IGNORED_FIELD|567834|Fake ORG|Fake Diluent/);
    }
  });
});
