/**
 * What the mappers must read from each claim type's v1 and v2 samples (fixtures/bluebutton/bfd-v*-eob-<type>.json),
 * worked out by hand from the JSON and docs/money.md "Money per claim".
 */
import type { Claim, ClaimLine, ClaimType } from '../types';

/** One claim type's expected mapping. */
export interface ExpectedClaim {
  id: string;
  type: ClaimType;
  serviceStart: string;
  serviceEnd: string;
  money: [billed: number, medicarePaid: number, youPaid: number];
  /** What the claim applied to the Part B deductible (docs/money.md "Part B deductible"). */
  partBDeductible: number;
  firstDiagnosis: Claim['diagnoses'][number] | null;
  diagnoses: { v1: number; v2: number };
  procedures: number;
  firstProcedure?: Claim['procedures'][number];
  line: Omit<ClaimLine, 'quantity'>;
  /** Where one version's line differs from `line`. */
  lineByVersion?: Partial<Record<'v1' | 'v2', Partial<ClaimLine>>>;
  quantity: { v1: number; v2: number };
}

/** Every claim type, in claim-type order. */
export const EXPECTED_CLAIMS: ExpectedClaim[] = [
  {
    id: 'carrier-9991831999',
    type: 'carrier',
    serviceStart: '1999-10-27',
    serviceEnd: '1999-10-27',
    money: [245.04, 199.99, 9.57],
    partBDeductible: 0, // line_bene_ptb_ddctbl_amt 0 on its one line
    firstDiagnosis: {
      code: 'A02',
      display: 'OTHER SALMONELLA INFECTIONS',
      system: 'icd-10',
      role: 'principal',
    },
    diagnoses: { v1: 5, v2: 5 },
    procedures: 0,
    line: {
      sequence: 6,
      code: '92999',
      display: null,
      revenue: null,
      category: 'Other tests - other',
      ndc: '000000000',
      drugName: 'Fake Diluent - WATER',
      date: '1999-10-27',
      billed: 75,
      allowed: 47.84,
      medicarePaid: 37.5,
      youPaid: 9.57,
    },
    quantity: { v1: 1, v2: 1 },
  },
  {
    id: 'dme-2188888888',
    type: 'dme',
    serviceStart: '2014-02-03',
    serviceEnd: '2014-02-03',
    money: [1752.75, 777.75, 38.2],
    partBDeductible: 18, // line_bene_ptb_ddctbl_amt on its one line
    firstDiagnosis: { code: 'B04', display: 'MONKEYPOX', system: 'icd-10', role: 'principal' },
    diagnoses: { v1: 3, v2: 3 },
    procedures: 0,
    line: {
      sequence: 1,
      code: '345',
      display: null,
      revenue: null,
      category: null,
      ndc: '000000000',
      drugName: 'Fake Diluent - WATER',
      date: '2014-02-03',
      billed: 130.45,
      allowed: 129.45,
      medicarePaid: 123.45,
      youPaid: 38.2,
    },
    quantity: { v1: 60, v2: 60 },
  },
  {
    id: 'hha-2925555555',
    type: 'hha',
    serviceStart: '2015-06-23',
    serviceEnd: '2015-06-23',
    money: [199.99, 188, 0],
    partBDeductible: 0,
    firstDiagnosis: { code: '53081', display: 'ESOPHAGEAL REFLUX', system: 'icd-9', role: 'principal' },
    diagnoses: { v1: 4, v2: 4 },
    procedures: 0,
    line: {
      sequence: 1,
      code: '2GGGG',
      display: null,
      revenue: '0023',
      category: null,
      ndc: null,
      drugName: null,
      date: '2015-06-23',
      billed: 25,
      allowed: null,
      medicarePaid: 26,
      youPaid: null,
    },
    quantity: { v1: 1, v2: 666 },
  },
  {
    id: 'hospice-9992223422',
    type: 'hospice',
    serviceStart: '2014-01-01',
    serviceEnd: '2014-01-30',
    money: [199.99, 130.32, 0],
    partBDeductible: 0,
    firstDiagnosis: { code: '72761', display: 'ROTATOR CUFF RUPTURE', system: 'icd-9', role: 'principal' },
    diagnoses: { v1: 4, v2: 4 },
    procedures: 0,
    line: {
      sequence: 1,
      code: 'A5C',
      display: null,
      revenue: '651',
      category: null,
      ndc: null,
      drugName: null,
      date: '2014-09-01',
      billed: 2555,
      allowed: null,
      medicarePaid: 26,
      youPaid: null,
    },
    quantity: { v1: 0, v2: 5454 },
  },
  {
    id: 'inpatient-333333222222',
    type: 'inpatient',
    serviceStart: '2016-01-15',
    serviceEnd: '2016-01-27',
    money: [84999.37, 7699.48, 123],
    partBDeductible: 0,
    firstDiagnosis: { code: 'A37', display: 'WHOOPING COUGH', system: 'icd-10', role: 'admitting' },
    diagnoses: { v1: 8, v2: 8 },
    procedures: 6,
    firstProcedure: {
      code: 'BQ0HZZZ',
      display: 'PLAIN RADIOGRAPHY OF LEFT ANKLE',
      system: 'icd-10',
      date: '2016-01-16',
    },
    line: {
      sequence: 1,
      code: 'M55',
      display: null,
      revenue: '6767',
      category: null,
      ndc: null,
      drugName: null,
      date: null,
      billed: 84888.88,
      allowed: null,
      medicarePaid: null,
      youPaid: null,
    },
    quantity: { v1: 0, v2: 77 },
  },
  {
    id: 'outpatient-1234567890',
    type: 'outpatient',
    serviceStart: '2011-01-24',
    serviceEnd: '2011-01-24',
    money: [8888.85, 693.11, 293.73],
    partBDeductible: 112, // nch_bene_ptb_ddctbl_amt (v1 extension[], v2 benefitBalance)
    firstDiagnosis: { code: 'A40', display: 'STREPTOCOCCAL SEPSIS', system: 'icd-10', role: 'principal' },
    diagnoses: { v1: 5, v2: 5 },
    procedures: 1,
    firstProcedure: {
      code: 'CD1YYZZ',
      display: 'PLANAR NUCL MED IMAG OF DIGESTIVE SYS USING OTH RADIONUCLIDE',
      system: 'icd-10',
      date: '2016-01-16',
    },
    line: {
      sequence: 25,
      code: 'M99',
      display: null,
      revenue: '1',
      category: null,
      ndc: '000000000',
      drugName: 'Fake Diluent - WATER',
      date: '1942-01-03',
      billed: 999.85,
      allowed: null,
      medicarePaid: 5000,
      youPaid: 500,
    },
    // The v1 sample's line carries no NDC extension.
    lineByVersion: { v1: { ndc: null, drugName: null } },
    quantity: { v1: 111, v2: 77 },
  },
  {
    id: 'pde-89',
    type: 'pde',
    serviceStart: '2015-05-12',
    serviceEnd: '2015-05-12',
    money: [550, 126.99, 235.85],
    partBDeductible: 0,
    firstDiagnosis: null,
    diagnoses: { v1: 0, v2: 0 },
    procedures: 0,
    line: {
      sequence: 1,
      code: '000000000',
      display: 'Fake Diluent - WATER',
      revenue: null,
      category: null,
      ndc: null,
      drugName: null,
      date: '2015-05-12',
      billed: 550,
      allowed: null,
      medicarePaid: 126.99,
      youPaid: 235.85,
    },
    quantity: { v1: 60, v2: 60 },
  },
  {
    id: 'snf-777777777',
    type: 'snf',
    serviceStart: '2013-12-01',
    serviceEnd: '2013-12-18',
    money: [5555.03, 3333.33, 123],
    partBDeductible: 0,
    firstDiagnosis: null, // v1 and v2 give the first diagnosis different roles: checked below
    diagnoses: { v1: 5, v2: 5 },
    procedures: 1,
    firstProcedure: { code: '9214', display: 'BONE SCAN', system: 'icd-9', date: '2016-01-16' },
    line: {
      sequence: 1,
      code: 'MMM',
      display: null,
      revenue: '22',
      category: null,
      ndc: null,
      drugName: null,
      date: null,
      billed: 95,
      allowed: null,
      medicarePaid: null,
      youPaid: null,
    },
    quantity: { v1: 477, v2: 234.567 },
  },
];
