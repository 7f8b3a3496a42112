/**
 * Curated drugs with 11-digit NDCs and the display BFD enriches them with, "<proprietary name> -
 * <NONPROPRIETARY NAME>" from the FDA NDC Directory (docs/blue-button.md §13.4). Labeler prefixes are real;
 * the product/package segments of the generics are representative, not a claim about a product.
 * Costs are rounded 30-day gross drug costs (ingredient cost plus dispensing fee).
 */

/** A drug product identified by NDC. */
export interface DrugProduct {
  readonly ndc: string;
  readonly display: string;
}

/** A Part D drug as the fill generator needs it. */
export interface PartDDrug extends DrugProduct {
  readonly brand: boolean;
  /** Gross drug cost of a 30-day supply, dollars. */
  readonly cost30: number;
  /** Quantity dispensed for a 30-day supply (tablets, mL, grams, pens). */
  readonly qty30: number;
  /** Whether a 90-day supply is usual for it. */
  readonly ninetyDay: boolean;
  /** A specialty-tier drug: coinsurance instead of a copay. */
  readonly specialty?: boolean;
}

const generic = (ndc: string, display: string, cost30: number, qty30 = 30): PartDDrug =>
  ({ ndc, display, brand: false, cost30, qty30, ninetyDay: true });
const brand = (ndc: string, display: string, cost30: number, qty30 = 30): PartDDrug =>
  ({ ndc, display, brand: true, cost30, qty30, ninetyDay: false });
const specialty = (ndc: string, display: string, cost30: number, qty30: number): PartDDrug =>
  ({ ndc, display, brand: true, cost30, qty30, ninetyDay: false, specialty: true });

/** Part D drugs by key. */
export const PART_D_DRUGS = {
  lisinopril: generic('68180051301', 'Lisinopril - LISINOPRIL', 4.2),
  losartan: generic('00093736598', 'Losartan Potassium - LOSARTAN POTASSIUM', 7.8),
  amlodipine: generic('69097012815', 'Amlodipine Besylate - AMLODIPINE BESYLATE', 4.9),
  hctz: generic('16729018317', 'Hydrochlorothiazide - HYDROCHLOROTHIAZIDE', 3.6),
  metoprolol: generic('62332002431', 'Metoprolol Succinate - METOPROLOL SUCCINATE', 11.5),
  carvedilol: generic('68382009305', 'Carvedilol - CARVEDILOL', 5.1, 60),
  atorvastatin: generic('16729004517', 'Atorvastatin Calcium - ATORVASTATIN CALCIUM', 8.9),
  rosuvastatin: generic('00591540430', 'Rosuvastatin Calcium - ROSUVASTATIN CALCIUM', 10.4),
  simvastatin: generic('00093715498', 'Simvastatin - SIMVASTATIN', 4.7),
  metformin: generic('00093104801', 'Metformin Hydrochloride - METFORMIN HYDROCHLORIDE', 6.3, 60),
  levothyroxine: generic('00378180501', 'Levothyroxine Sodium - LEVOTHYROXINE SODIUM', 12.2),
  omeprazole: generic('55111015810', 'Omeprazole - OMEPRAZOLE', 7.6),
  pantoprazole: generic('62175061743', 'Pantoprazole Sodium - PANTOPRAZOLE SODIUM', 8.1),
  furosemide: generic('00054829725', 'Furosemide - FUROSEMIDE', 3.9),
  clopidogrel: generic('16729021817', 'Clopidogrel Bisulfate - CLOPIDOGREL BISULFATE', 6.8),
  warfarin: generic('00093172201', 'Warfarin Sodium - WARFARIN SODIUM', 9.6),
  sertraline: generic('16729000910', 'Sertraline Hydrochloride - SERTRALINE HYDROCHLORIDE', 6.1),
  escitalopram: generic('00093585201', 'Escitalopram Oxalate - ESCITALOPRAM OXALATE', 7.2),
  donepezil: generic('00093737056', 'Donepezil Hydrochloride - DONEPEZIL HYDROCHLORIDE', 8.4),
  tamsulosin: generic('00093757856', 'Tamsulosin Hydrochloride - TAMSULOSIN HYDROCHLORIDE', 9.3),
  alendronate: generic('00093517144', 'Alendronate Sodium - ALENDRONATE SODIUM', 10.2, 4),
  gabapentin: generic('00228263650', 'Gabapentin - GABAPENTIN', 11.8, 90),
  meloxicam: generic('29300012501', 'Meloxicam - MELOXICAM', 5.4),
  eliquis: brand('00003089421', 'Eliquis - APIXABAN', 596, 60),
  xarelto: brand('50458057930', 'Xarelto - RIVAROXABAN', 562),
  januvia: brand('00006027731', 'Januvia - SITAGLIPTIN', 548),
  jardiance: brand('00597015230', 'Jardiance - EMPAGLIFLOZIN', 589),
  farxiga: brand('00310621030', 'Farxiga - DAPAGLIFLOZIN', 571),
  lantus: brand('00088222033', 'Lantus - INSULIN GLARGINE', 292, 10),
  spiriva: brand('00597007541', 'Spiriva HandiHaler - TIOTROPIUM BROMIDE MONOHYDRATE', 523),
  symbicort: brand('00186037020', 'Symbicort - BUDESONIDE AND FORMOTEROL FUMARATE DIHYDRATE', 338, 10.2),
  ventolin: brand('00173068220', 'Ventolin HFA - ALBUTEROL SULFATE', 61, 18),
  entresto: brand('00078065920', 'Entresto - SACUBITRIL AND VALSARTAN', 648, 60),
  // Taken only by the users of demo-users.ts. 140 mg capsules, bottle of 90 (NDC 57962-140-09): three a day.
  imbruvica: specialty('57962014009', 'Imbruvica - IBRUTINIB', 14_900, 90),
  // 175 mcg tablets, bottle of 90 (NDC 0074-7070-90).
  synthroid: brand('00074707090', 'Synthroid - LEVOTHYROXINE SODIUM', 58),
} as const satisfies Record<string, PartDDrug>;

/** A Part D drug key. */
export type PartDDrugKey = keyof typeof PART_D_DRUGS;

/** Drugs only the users of demo-users.ts take: never drawn for anyone else. */
export const DEMO_ONLY_DRUGS: ReadonlySet<PartDDrugKey> = new Set<PartDDrugKey>(['imbruvica', 'synthroid']);

/** Drugs given in a doctor's office, an outpatient department or by a DME supplier (Part B). */
export const PART_B_DRUGS: Readonly<Record<string, DrugProduct>> = {
  fluzone: { ndc: '49281012165', display: 'Fluzone High-Dose Quadrivalent - INFLUENZA VACCINE' },
  pneumovax: { ndc: '00006483703', display: 'Pneumovax 23 - PNEUMOCOCCAL VACCINE POLYVALENT' },
  cyanocobalamin: { ndc: '00517003125', display: 'Cyanocobalamin - CYANOCOBALAMIN' },
  kenalog: { ndc: '00003029305', display: 'Kenalog-40 - TRIAMCINOLONE ACETONIDE' },
  depoMedrol: { ndc: '00009307301', display: 'Depo-Medrol - METHYLPREDNISOLONE ACETATE' },
  dexamethasone: {
    ndc: '63323016501',
    display: 'Dexamethasone Sodium Phosphate - DEXAMETHASONE SODIUM PHOSPHATE',
  },
  prolia: { ndc: '55513071001', display: 'Prolia - DENOSUMAB' },
  eylea: { ndc: '61755000502', display: 'Eylea - AFLIBERCEPT' },
  venofer: { ndc: '00517234001', display: 'Venofer - IRON SUCROSE' },
  saline: { ndc: '00338004904', display: 'Sodium Chloride - SODIUM CHLORIDE' },
  albuterolNeb: { ndc: '00487950125', display: 'Albuterol Sulfate - ALBUTEROL SULFATE' },
  humalog: { ndc: '00002751001', display: 'Humalog - INSULIN LISPRO' },
};
