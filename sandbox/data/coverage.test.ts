import { describe, expect, it } from 'vitest';
import { getBeneficiary } from './index';
import type { LooseJson } from './readers.test-support';

// Patient and Coverage as BFD shapes them (docs/blue-button.md §14), with variety across beneficiaries:
// some with Part C, some without Part D, some dual-eligible months (issue 2).
const ANCHOR = '2026-11-16';
type Json = LooseJson;
const PARTS = ['a', 'b', 'c', 'd'];
const DUAL_CODES = new Set(['NA', '00', '01', '02', '03', '04', '06', '08']);

function coverageOf(n: number, version: 1 | 2) {
  return getBeneficiary(n, { anchor: ANCHOR }).coverage(version).map((entry) => ({ id: entry.id, json: JSON.parse(entry.json) as Json }));
}

describe('Coverage', () => {
  it('has two to four parts with BFD ids, status, class/grouping and periods consistent in v1 and v2', () => {
    for (let n = 0; n < 60; n++) {
      const pid = getBeneficiary(n, { anchor: ANCHOR }).user.patientId;
      const v1 = coverageOf(n, 1);
      const v2 = coverageOf(n, 2);
      expect(v2.length).toBeGreaterThanOrEqual(2);
      expect(v2.length).toBeLessThanOrEqual(4);
      expect(v1.map((c) => c.id)).toEqual(v2.map((c) => c.id));
      expect(v2.slice(0, 2).map((c) => c.id)).toEqual([`part-a-${pid}`, `part-b-${pid}`]);
      v2.forEach(({ id, json }, i) => {
        const part = id.slice(5, 6);
        const v1json = v1[i]?.json as Json;
        expect(PARTS).toContain(part);
        expect(id).toBe(`part-${part}-${pid}`);
        expect(json.resourceType).toBe('Coverage');
        expect(json.id).toBe(id);
        expect(json.status).toBe('active');
        expect(json.meta.profile).toEqual(['http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Coverage']);
        expect(json.beneficiary.reference).toBe(`Patient/${pid}`);
        expect(json.class.find((c: Json) => c.type.coding[0].code === 'plan').value).toBe(`Part ${part.toUpperCase()}`);
        expect(v1json.grouping.subPlan).toBe(`Part ${part.toUpperCase()}`);
        expect(v1json.status).toBe(json.status);
        expect(json.period.start).toMatch(/^\d{4}-\d\d-01$/);
        expect(v1json.period).toEqual(json.period);
        for (const ext of json.extension as Json[]) {
          if (/\/dual_\d\d$/.test(ext.url)) expect(DUAL_CODES.has(ext.valueCoding.code)).toBe(true);
          if (ext.url.endsWith('/rfrnc_yr')) expect(ext.valueDate).toBe('2026');
        }
      });
    }
  });

  it('varies: some beneficiaries with Part C, some without Part D, some with dual-eligible months', () => {
    let withC = 0;
    let withoutD = 0;
    let dual = 0;
    for (let n = 0; n < 100; n++) {
      const parts = coverageOf(n, 2).map((c) => c.id.slice(5, 6));
      if (parts.includes('c')) withC++;
      if (!parts.includes('d')) withoutD++;
      const duals = (coverageOf(n, 2)[0]?.json.extension as Json[])
        .filter((e) => /\/dual_\d\d$/.test(e.url)).map((e) => e.valueCoding.code);
      expect(duals).toHaveLength(12);
      if (duals.some((code) => code !== 'NA')) dual++;
    }
    for (const count of [withC, withoutD, dual]) {
      expect(count).toBeGreaterThan(5);
      expect(count).toBeLessThan(60);
    }
  });

  it('agrees with the claims: no Part D events without Part D, no fee-for-service claims in Medicare Advantage', () => {
    for (let n = 0; n < 60; n++) {
      const b = getBeneficiary(n, { anchor: ANCHOR });
      const parts = new Map(coverageOf(n, 2).map((c) => [c.id.slice(5, 6), c.json.period.start as string]));
      const partC = parts.get('c');
      for (const e of b.eobs) {
        if (e.type === 'pde') expect(parts.has('d')).toBe(true);
        else if (partC) expect(e.serviceEnd < partC).toBe(true);
      }
    }
  });
});

describe('Patient', () => {
  it('carries the user, an age of 65–90, MBIs, address and dual codes', () => {
    for (const n of [0, 1, 10_000, 19_999, 29_999]) {
      const b = getBeneficiary(n, { anchor: ANCHOR });
      const v2 = JSON.parse(b.patientJson(2)) as Json;
      const v1 = JSON.parse(b.patientJson(1)) as Json;
      for (const patient of [v1, v2]) {
        expect(patient.resourceType).toBe('Patient');
        expect(patient.id).toBe(b.user.patientId);
        expect(patient.name[0]).toEqual({ use: 'usual', family: b.user.familyName, given: [b.user.givenName, b.user.middleInitial] });
        expect(patient.gender).toBe(b.user.gender);
        const age = (Date.parse(ANCHOR) - Date.parse(patient.birthDate)) / (365.25 * 86_400_000);
        expect(age).toBeGreaterThanOrEqual(65);
        expect(age).toBeLessThan(91);
        expect(patient.deceasedDateTime).toBeUndefined();
        expect(patient.address).toEqual([{ state: expect.stringMatching(/^[A-Z]{2}$/), postalCode: expect.stringMatching(/^\d{5}$/) }]);
        expect(patient.identifier.at(-1).value).toBe(b.user.patientId);
      }
      expect(v2.meta.profile).toEqual(['http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Patient']);
      const mbis = (v2.identifier as Json[]).filter((i) => i.system === 'http://hl7.org/fhir/sid/us-mbi');
      expect(mbis.length).toBeGreaterThanOrEqual(1);
      for (const mbi of mbis) expect(mbi.value).toMatch(/^[1-9]S[A-Z0-9]\d[A-Z][A-Z0-9]\d[A-Z]{2}\d{2}$/);
      expect(JSON.stringify(mbis)).toContain('"current"');
      expect(v1.identifier[0].value).toMatch(/^[0-9a-f]{64}$/);
      const duals = (v2.extension as Json[]).filter((e) => /\/dual_\d\d$/.test(e.url));
      expect(duals).toHaveLength(12);
    }
    expect(JSON.parse(getBeneficiary(29_999, { anchor: ANCHOR }).patientJson(2)).name[0].family).toBe('Canaryname');
  });
});
