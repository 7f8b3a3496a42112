/**
 * Curated HCPCS codes for lines of professional, DME and institutional claims. Level II codes carry
 * CMS's public short descriptor; CPT (Level I) codes carry NO display, because AMA's CPT descriptors
 * are licensed (issue 2). `fee` is a rounded Medicare allowed amount per unit in dollars (Physician
 * Fee Schedule / DMEPOS / ASP scale), `betos` the Berenson-Eggers type of service BFD writes on lines.
 */

/** A HCPCS code with what a line needs to price and describe it. */
export interface Service {
  readonly code: string;
  /** Public HCPCS Level II short descriptor; absent for CPT codes. */
  readonly display?: string;
  readonly betos: readonly [code: string, display: string];
  readonly fee: number;
  /** Key into PART_B_DRUGS for a drug given on this line (its NDC goes on the line). */
  readonly drug?: string;
  /** Billing units per line (drug codes are billed per mg or per dose). */
  readonly units?: number;
}

const VISIT_EST = ['M1B', 'Office visits - established'] as const;
const VISIT_NEW = ['M1A', 'Office visits - new'] as const;
const LAB = ['T1H', 'Lab tests - other (non-Medicare fee schedule)'] as const;
const IMMUNIZATION = ['O1G', 'Immunizations/Vaccinations'] as const;
const DRUGS = ['O1E', 'Other drugs'] as const;
const MINOR = ['P6C', 'Minor procedures - other (Medicare fee schedule)'] as const;
const SUPPLIES = ['D1A', 'Medical/surgical supplies'] as const;
const OTHER_DME = ['D1F', 'Other DME'] as const;
const OTHER = ['Y1', 'Other - Medicare fee schedule'] as const;

/** Every service a generated line can carry, by code. */
export const SERVICES: Readonly<Record<string, Service>> = {
  '99203': { code: '99203', betos: VISIT_NEW, fee: 110 },
  '99213': { code: '99213', betos: VISIT_EST, fee: 92 },
  '99214': { code: '99214', betos: VISIT_EST, fee: 131 },
  '99215': { code: '99215', betos: VISIT_EST, fee: 184 },
  '99232': { code: '99232', betos: ['M2B', 'Hospital visit - subsequent'], fee: 101 },
  '99284': { code: '99284', betos: ['M3', 'Emergency room visit'], fee: 128 },
  '92014': { code: '92014', betos: ['M5C', 'Specialist - ophthalmology'], fee: 130 },
  G0439: { code: 'G0439', display: 'Ppps, subseq visit', betos: VISIT_EST, fee: 135 },
  G2211: { code: 'G2211', display: 'Complex e/m visit add on', betos: VISIT_EST, fee: 16 },
  G0463: { code: 'G0463', display: 'Hospital outpt clinic visit', betos: VISIT_EST, fee: 131 },
  '36415': { code: '36415', betos: ['T1A', 'Lab tests - routine venipuncture (non Medicare fee schedule)'], fee: 3 },
  '80053': { code: '80053', betos: ['T1B', 'Lab tests - automated general profiles'], fee: 11 },
  '80061': { code: '80061', betos: LAB, fee: 13 },
  '83036': { code: '83036', betos: LAB, fee: 10 },
  '85025': { code: '85025', betos: ['T1D', 'Lab tests - blood counts'], fee: 8 },
  '93000': { code: '93000', betos: ['T2A', 'Other tests - electrocardiograms'], fee: 16 },
  '93005': { code: '93005', betos: ['T2A', 'Other tests - electrocardiograms'], fee: 9 },
  '71046': { code: '71046', betos: ['I1A', 'Standard imaging - chest'], fee: 31 },
  '74177': { code: '74177', betos: ['I2C', 'Advanced imaging - CAT/CT/CTA: other'], fee: 330 },
  '94640': { code: '94640', betos: ['T2D', 'Other tests - other'], fee: 17 },
  '97110': { code: '97110', betos: ['P5E', 'Ambulatory procedures - other'], fee: 29 },
  '97530': { code: '97530', betos: ['P5E', 'Ambulatory procedures - other'], fee: 35 },
  '96372': { code: '96372', betos: MINOR, fee: 14 },
  '96365': { code: '96365', betos: MINOR, fee: 68 },
  '20610': { code: '20610', betos: MINOR, fee: 62 },
  '67028': { code: '67028', betos: ['P4E', 'Eye procedure - other'], fee: 105 },
  '27447': { code: '27447', betos: ['P1D', 'Major procedure, orthopedic - knee replacement'], fee: 1300 },
  G0008: { code: 'G0008', display: 'Admin influenza virus vac', betos: IMMUNIZATION, fee: 33 },
  G0009: { code: 'G0009', display: 'Admin pneumococcal vaccine', betos: IMMUNIZATION, fee: 33 },
  '90662': { code: '90662', betos: IMMUNIZATION, fee: 72, drug: 'fluzone' },
  '90732': { code: '90732', betos: IMMUNIZATION, fee: 120, drug: 'pneumovax' },
  J3420: { code: 'J3420', display: 'Vitamin b12 injection', betos: DRUGS, fee: 1.2, drug: 'cyanocobalamin' },
  J3301: { code: 'J3301', display: 'Triamcinolone acet inj nos', betos: DRUGS, fee: 1.6, drug: 'kenalog', units: 4 },
  J1030: { code: 'J1030', display: 'Methylprednisolone 40 mg inj', betos: DRUGS, fee: 4.2, drug: 'depoMedrol' },
  J1100: { code: 'J1100', display: 'Dexamethasone sodium phos', betos: DRUGS, fee: 0.12, drug: 'dexamethasone', units: 10 },
  J0897: { code: 'J0897', display: 'Denosumab injection', betos: DRUGS, fee: 27.5, drug: 'prolia', units: 60 },
  J0178: { code: 'J0178', display: 'Aflibercept injection', betos: DRUGS, fee: 925, drug: 'eylea', units: 2 },
  J1756: { code: 'J1756', display: 'Iron sucrose injection', betos: DRUGS, fee: 0.35, drug: 'venofer', units: 200 },
  J7030: { code: 'J7030', display: 'Normal saline solution infus', betos: DRUGS, fee: 2.5, drug: 'saline' },
  J7613: { code: 'J7613', display: 'Albuterol non-comp unit', betos: DRUGS, fee: 0.09, drug: 'albuterolNeb', units: 90 },
  J1817: { code: 'J1817', display: 'Insulin for insulin pump use', betos: DRUGS, fee: 8.6, drug: 'humalog', units: 20 },
  C1776: { code: 'C1776', display: 'Joint device (implantable)', betos: OTHER, fee: 2900 },
  E0570: { code: 'E0570', display: 'Nebulizer with compression', betos: OTHER_DME, fee: 32 },
  A7003: { code: 'A7003', display: 'Nebulizer administration set', betos: SUPPLIES, fee: 3.1, units: 2 },
  A4224: { code: 'A4224', display: 'Supply allow for infusion pump', betos: SUPPLIES, fee: 22, units: 4 },
  E0143: { code: 'E0143', display: 'Walker folding wheeled nos', betos: OTHER_DME, fee: 105 },
  A7030: { code: 'A7030', display: 'Cpap full face mask', betos: SUPPLIES, fee: 155 },
  G0299: { code: 'G0299', display: 'Hhs/hospice of rn ea 15 min', betos: OTHER, fee: 45, units: 4 },
  G0151: { code: 'G0151', display: 'Hhcp-serv of pt,ea 15 min', betos: OTHER, fee: 48, units: 4 },
  G0152: { code: 'G0152', display: 'Hhcp-serv of ot,ea 15 min', betos: OTHER, fee: 48, units: 4 },
  G0156: { code: 'G0156', display: 'Hhcp-svs of aide,ea 15 min', betos: OTHER, fee: 20, units: 4 },
  G0155: { code: 'G0155', display: 'Hhcp-svs of csw,ea 15 min', betos: OTHER, fee: 55, units: 4 },
  Q5001: { code: 'Q5001', display: 'Hospice or home hlth in home', betos: OTHER, fee: 215, units: 30 },
};

/** The service for a code; throws for a code the table lacks (a bug in a recipe). */
export function service(code: string): Service {
  const found = SERVICES[code];
  if (!found) throw new Error(`no HCPCS ${code} in the table`);
  return found;
}

/** True for a CPT (Level I) code: five characters, the first four digits. */
export function isCpt(code: string): boolean {
  return /^\d{4}[0-9A-Z]$/.test(code);
}
