import { describe, expect, it } from 'vitest';
import { PART_B_DRUGS, PART_D_DRUGS } from './codes/drugs';
import { isCpt, SERVICES } from './codes/hcpcs';
import { ACUTE, CONDITIONS, ENCOUNTER, EXTERNAL_CAUSES, PROCEDURES } from './codes/icd10';
import { REVENUE_CENTERS } from './codes/revenue';
import { getBeneficiary } from './index';
import { CLAIM_TYPES } from './types';

// Real code systems with curated display text; CPT codes never with AMA's descriptor (issue 2).
const ANCHOR = '2026-11-16';
const HCPCS = /\/(codesystem\/hcpcs|variables\/hcpcs_cd)$/;
type Coding = { system?: string; code?: string; display?: string };

function codingsOf(node: unknown, out: Coding[] = []): Coding[] {
  if (Array.isArray(node)) for (const child of node) codingsOf(child, out);
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.system === 'string' && typeof obj.code === 'string') out.push(obj as Coding);
    for (const value of Object.values(obj)) codingsOf(value, out);
  }
  return out;
}

describe('codes on generated claims', () => {
  it.each([1, 2] as const)('v%i: CPT codes carry no display, HCPCS Level II and ICD-10 codes do', (version) => {
    const seen = new Set<string>();
    for (const n of [10_300, 4, 8]) {
      const b = getBeneficiary(n, { anchor: ANCHOR });
      for (const type of CLAIM_TYPES) {
        for (const entry of b.eobs.filter((e) => e.type === type).slice(0, 15)) {
          for (const coding of codingsOf(JSON.parse(b.eobJson(entry.id, version) ?? 'null'))) {
            const system = coding.system ?? '';
            const code = coding.code ?? '';
            if (HCPCS.test(system)) {
              if (isCpt(code)) {
                seen.add('cpt');
                expect(coding.display, `CPT ${code}`).toBeUndefined();
              } else if (/^[A-Z]\d{4}$/.test(code)) {
                seen.add('level2');
                expect(coding.display, `HCPCS ${code}`).toMatch(/\S/);
              }
            }
            if (/\/sid\/icd-10(-cm)?$/.test(system)) {
              seen.add('icd');
              expect(code).toMatch(/^[A-Z0-9]{3,7}$/);
              expect(coding.display).toMatch(/^[A-Z0-9 ,'()[\]/-]+$/);
            }
            if (system.endsWith('/sid/ndc')) {
              seen.add('ndc');
              expect(code).toMatch(/^\d{11}$/);
              expect(coding.display).toMatch(/ - [A-Z]/);
            }
            if (system.endsWith('/variables/rev_cntr')) expect(coding.display).toBe(REVENUE_CENTERS[code]);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual(['cpt', 'icd', 'level2', 'ndc']);
  });
});

describe('curated code tables', () => {
  it('describe HCPCS Level II codes and leave CPT codes bare', () => {
    for (const [code, service] of Object.entries(SERVICES)) {
      expect(service.code).toBe(code);
      if (isCpt(code)) expect(service.display).toBeUndefined();
      else expect(service.display).toMatch(/\S/);
      if (service.drug) expect(PART_B_DRUGS[service.drug]).toBeDefined();
    }
  });

  it('use 11-digit NDCs, dotless ICD-10 codes and upper-case descriptions', () => {
    for (const drug of [...Object.values(PART_D_DRUGS), ...Object.values(PART_B_DRUGS)]) {
      expect(drug.ndc).toMatch(/^\d{11}$/);
      expect(drug.display).toMatch(/^\S.* - [A-Z0-9 ,()-]+$/);
    }
    for (const code of [...Object.values(CONDITIONS), ...ACUTE, ...ENCOUNTER, ...EXTERNAL_CAUSES, ...PROCEDURES]) {
      expect(code.code).toMatch(/^[A-Z0-9]{3,7}$/);
      expect(code.display).toBe(code.display.toUpperCase());
    }
    for (const code of Object.keys(REVENUE_CENTERS)) expect(code).toMatch(/^\d{4}$/);
  });
});
