import { describe, expect, it } from 'vitest';
import { EXPECTED_CLAIMS as EXPECTED } from './__fixtures__/expected-claims';
import { sample } from './__fixtures__/load.test-support';
import { mapEob, type EobMapping } from './map-eob';
import type { Prescription } from './types';

function mapped(file: string): Extract<EobMapping, { ok: true }> {
  const result = mapEob(sample(file));
  if (!result.ok) throw new Error(`${file}: ${result.message}`);
  return result;
}

describe.each(['v1', 'v2'] as const)('mapEob on the %s samples', (version) => {
  it.each(EXPECTED)('maps the $type claim', (expected) => {
    const { claim } = mapped(`bfd-${version}-eob-${expected.type}.json`);
    const [billed, medicarePaid, youPaid] = expected.money;
    expect(claim).toMatchObject({
      id: expected.id,
      type: expected.type,
      status: 'active',
      serviceStart: expected.serviceStart,
      serviceEnd: expected.serviceEnd,
      month: expected.serviceStart.slice(0, 7),
      billed,
      medicarePaid,
      youPaid,
      partBDeductible: expected.partBDeductible,
    });
    expect(claim.diagnoses).toHaveLength(expected.diagnoses[version]);
    if (expected.firstDiagnosis) expect(claim.diagnoses[0]).toEqual(expected.firstDiagnosis);
    expect(claim.procedures).toHaveLength(expected.procedures);
    if (expected.firstProcedure) expect(claim.procedures[0]).toEqual(expected.firstProcedure);
    expect(claim.lines).toEqual([
      { ...expected.line, quantity: expected.quantity[version], ...expected.lineByVersion?.[version] },
    ]);
  });

  it.each([
    // Worked out from the samples: line_alowd_chrg_amt, line_bene_ptb_ddctbl_amt and line_coinsrnc_amt of the
    // carrier and DME lines; nch_bene_ip_ddctbl_amt, nch_bene_pta_coinsrnc_lblty_amt, nch_bene_ptb_ddctbl_amt,
    // nch_bene_ptb_coinsrnc_amt and nch_bene_blood_ddctbl_lblty_am of the institutional claims.
    ['carrier', { allowed: 47.84, deductible: 0, coinsurance: 9.57, bloodDeductible: 0 }],
    ['inpatient', { allowed: null, deductible: 112, coinsurance: 5, bloodDeductible: 6 }],
    ['snf', { allowed: null, deductible: 112, coinsurance: 5, bloodDeductible: 6 }],
    ['outpatient', { allowed: null, deductible: 112, coinsurance: 175.73, bloodDeductible: 6 }],
    ['hha', { allowed: null, deductible: 0, coinsurance: 0, bloodDeductible: 0 }],
    ['pde', { allowed: null, deductible: 0, coinsurance: 0, bloodDeductible: 0 }],
  ] as const)('tells the %s claim’s money as billed, allowed and what you may owe', (type, shares) => {
    const { claim } = mapped(`bfd-${version}-eob-${type}.json`);
    expect(claim).toMatchObject(shares);
    if (type !== 'pde') {
      expect(claim.deductible + claim.coinsurance + claim.bloodDeductible).toBeCloseTo(claim.youPaid, 6);
    }
  });

  it('gives the same result whether the version is given or detected', () => {
    for (const { type } of EXPECTED) {
      const resource = sample(`bfd-${version}-eob-${type}.json`);
      expect(mapEob(resource, version)).toEqual(mapEob(resource));
    }
  });

  it('reads the drug event as a prescription', () => {
    const { prescription } = mapped(`bfd-${version}-eob-pde.json`);
    expect(prescription).toEqual<Prescription>({
      id: 'pde-89',
      date: '2015-05-12',
      ndc: '000000000',
      drugName: 'Fake Diluent - WATER',
      daysSupply: 30,
      refillNumber: 3,
      quantity: 60,
      totalCost: 550,
      planPaid: 126.99,
      youPaid: 235.85,
      pharmacy: { name: 'ADVANTAGE HOME HEALTH CARE, INC.', npi: '1023011079' },
      prescriber: { name: 'DR. ROBERT BISBEE MD', npi: '1750384806' },
      // ptnt_pay_amt, othr_troop_amt, lics_amt and gdc_abv_oopt_amt of the one line.
      troop: { patientPaid: 235.85, otherTroop: 17.3, lowIncomeSubsidy: 122.23 },
      aboveOutOfPocketThreshold: 15.25,
    });
  });

  it('gives no prescription for other claim types', () => {
    expect(mapped(`bfd-${version}-eob-carrier.json`).prescription).toBeNull();
  });

  it('names the institutional provider and facility (v2 contained Organization, v1 organization)', () => {
    const { claim } = mapped(`bfd-${version}-eob-inpatient.json`);
    expect(claim.provider).toEqual({ name: 'Fake ORG Name', npi: '0000000000' });
    expect(claim.facility?.kind).toBe('Hospital');
  });

  it('gives the SNF diagnoses with their ICD-9 codes and displays', () => {
    const { claim } = mapped(`bfd-${version}-eob-snf.json`);
    expect(claim.diagnoses.map((d) => [d.code, d.display, d.system])).toEqual([
      ['6202', 'OVARIAN CYST NEC/NOS', 'icd-9'],
      ['3736', 'PARASITIC INFEST EYELID', 'icd-9'],
      ['V0182', 'EXPOSURE TO SARS', 'icd-9'],
      ['E9281', 'EXPOSURE TO NOISE', 'icd-9'],
      ['3310', "ALZHEIMER'S DISEASE", 'icd-9'],
    ]);
    expect(claim.diagnoses.find((d) => d.code === '3736')?.role).toBe('principal');
  });
});

describe('mapEob, version-specific details', () => {
  it('reads the v2 carrier billing NPI and care team roles', () => {
    const { claim } = mapped('bfd-v2-eob-carrier.json');
    expect(claim.provider).toEqual({ name: null, npi: '1234567890' });
    expect(claim.careTeam.map((m) => [m.sequence, m.role, m.npi, m.name])).toEqual([
      [1, 'referring', '8765676', null],
      [2, 'referring', 'K25852', null],
      [3, 'performing', '1923124', null],
      [4, 'primary', '0000000000', 'Fake ORG Name'],
    ]);
  });

  it('reads the v1 carrier care team (claimcareteamrole)', () => {
    const { claim } = mapped('bfd-v1-eob-carrier.json');
    expect(claim.careTeam).toEqual([{ name: null, npi: '1923124', sequence: 2, role: 'primary' }]);
  });

  it('reads every line of a carrier claim with several lines', () => {
    const { claim } = mapped('bfd-v2-eob-carrier-multiple-lines.json');
    expect(claim.lines.map((line) => [line.sequence, line.code, line.billed])).toEqual([
      [1, '92999', 75],
      [2, '92998', 75],
      [3, '92997', 85],
      [4, '92996', 65],
      [5, '92995', 55],
      [6, '92994', 45],
      [7, '92993', 35],
    ]);
    // billed is the claim's nch_carr_clm_sbmtd_chrg_amt; youPaid the lines' deductible + coinsurance (7 × 9.57);
    // every line's line_bene_ptb_ddctbl_amt is 0.
    expect(claim).toMatchObject({ billed: 245.04, medicarePaid: 199.99, youPaid: 66.99, partBDeductible: 0 });
  });

  it('reads the v2 DME provider from provider.display', () => {
    expect(mapped('bfd-v2-eob-dme.json').claim.provider).toEqual({
      name: 'DR. DAVID SMITH MD',
      npi: '1244444444',
    });
  });
});
