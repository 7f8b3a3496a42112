/**
 * Curated ICD-10-CM diagnoses and ICD-10-PCS procedures (public domain, CMS/NCHS code sets), written
 * as BFD writes them: codes without the dot, descriptions in upper case
 * (fixtures/bluebutton/bfd-v2-eob-*.json `diagnosis[].diagnosisCodeableConcept`).
 */

/** One code with its display text. */
export interface CodeDisplay {
  readonly code: string;
  readonly display: string;
}

/** Chronic conditions a beneficiary may carry; keys are used by the drug and service tables. */
export const CONDITIONS = {
  hypertension: { code: 'I10', display: 'ESSENTIAL (PRIMARY) HYPERTENSION' },
  hyperlipidemia: { code: 'E785', display: 'HYPERLIPIDEMIA, UNSPECIFIED' },
  diabetes: { code: 'E119', display: 'TYPE 2 DIABETES MELLITUS WITHOUT COMPLICATIONS' },
  neuropathy: { code: 'E1142', display: 'TYPE 2 DIABETES MELLITUS WITH DIABETIC POLYNEUROPATHY' },
  hypothyroidism: { code: 'E039', display: 'HYPOTHYROIDISM, UNSPECIFIED' },
  gerd: { code: 'K219', display: 'GASTRO-ESOPHAGEAL REFLUX DISEASE WITHOUT ESOPHAGITIS' },
  copd: { code: 'J449', display: 'CHRONIC OBSTRUCTIVE PULMONARY DISEASE, UNSPECIFIED' },
  afib: { code: 'I4891', display: 'UNSPECIFIED ATRIAL FIBRILLATION' },
  heartFailure: { code: 'I5022', display: 'CHRONIC SYSTOLIC (CONGESTIVE) HEART FAILURE' },
  cad: {
    code: 'I2510',
    display: 'ATHEROSCLEROTIC HEART DISEASE OF NATIVE CORONARY ARTERY WITHOUT ANGINA PECTORIS',
  },
  ckd: { code: 'N1831', display: 'CHRONIC KIDNEY DISEASE, STAGE 3A' },
  osteoarthritis: { code: 'M1711', display: 'UNILATERAL PRIMARY OSTEOARTHRITIS, RIGHT KNEE' },
  osteoporosis: { code: 'M810', display: 'AGE-RELATED OSTEOPOROSIS WITHOUT CURRENT PATHOLOGICAL FRACTURE' },
  depression: { code: 'F329', display: 'MAJOR DEPRESSIVE DISORDER, SINGLE EPISODE, UNSPECIFIED' },
  dementia: { code: 'G309', display: "ALZHEIMER'S DISEASE, UNSPECIFIED" },
  bph: { code: 'N401', display: 'BENIGN PROSTATIC HYPERPLASIA WITH LOWER URINARY TRACT SYMPTOMS' },
  sleepApnea: { code: 'G4733', display: 'OBSTRUCTIVE SLEEP APNEA (ADULT) (PEDIATRIC)' },
  macularDegeneration: {
    code: 'H353211',
    display: 'EXUDATIVE AGE-RELATED MACULAR DEGENERATION, RIGHT EYE, WITH ACTIVE CHOROIDAL NEOVASCULARIZATION',
  },
  /** Never drawn at random: only a beneficiary set up for it has it (demo-users.ts). */
  cll: { code: 'C9110', display: 'CHRONIC LYMPHOCYTIC LEUKEMIA OF B-CELL TYPE NOT HAVING ACHIEVED REMISSION' },
} as const satisfies Record<string, CodeDisplay>;

/** A condition key. */
export type ConditionKey = keyof typeof CONDITIONS;

/** Reasons for a hospital stay or an acute visit. */
export const ACUTE: readonly CodeDisplay[] = [
  { code: 'J189', display: 'PNEUMONIA, UNSPECIFIED ORGANISM' },
  { code: 'N390', display: 'URINARY TRACT INFECTION, SITE NOT SPECIFIED' },
  { code: 'A419', display: 'SEPSIS, UNSPECIFIED ORGANISM' },
  { code: 'I639', display: 'CEREBRAL INFARCTION, UNSPECIFIED' },
  { code: 'R079', display: 'CHEST PAIN, UNSPECIFIED' },
  { code: 'R0602', display: 'SHORTNESS OF BREATH' },
  { code: 'R42', display: 'DIZZINESS AND GIDDINESS' },
  { code: 'M6281', display: 'MUSCLE WEAKNESS (GENERALIZED)' },
  {
    code: 'S72001A',
    display: 'FRACTURE OF UNSPECIFIED PART OF NECK OF RIGHT FEMUR, INITIAL ENCOUNTER FOR CLOSED FRACTURE',
  },
];

/** Encounter and status codes (Z codes) that accompany routine care. */
export const ENCOUNTER: readonly CodeDisplay[] = [
  { code: 'Z0000', display: 'ENCOUNTER FOR GENERAL ADULT MEDICAL EXAMINATION WITHOUT ABNORMAL FINDINGS' },
  { code: 'Z23', display: 'ENCOUNTER FOR IMMUNIZATION' },
  { code: 'Z7901', display: 'LONG TERM (CURRENT) USE OF ANTICOAGULANTS' },
  { code: 'Z87891', display: 'PERSONAL HISTORY OF NICOTINE DEPENDENCE' },
  { code: 'Z9181', display: 'HISTORY OF FALLING' },
  { code: 'Z471', display: 'AFTERCARE FOLLOWING JOINT REPLACEMENT SURGERY' },
  { code: 'Z515', display: 'ENCOUNTER FOR PALLIATIVE CARE' },
];

/** External causes, for the diagnosis slots BFD types `externalcauseofinjury`. */
export const EXTERNAL_CAUSES: readonly CodeDisplay[] = [
  { code: 'W19XXXA', display: 'UNSPECIFIED FALL, INITIAL ENCOUNTER' },
  {
    code: 'W010XXA',
    display:
      'FALL ON SAME LEVEL FROM SLIPPING, TRIPPING AND STUMBLING WITHOUT SUBSEQUENT STRIKING AGAINST OBJECT, INITIAL ENCOUNTER',
  },
  { code: 'W1830XA', display: 'FALL ON SAME LEVEL, UNSPECIFIED, INITIAL ENCOUNTER' },
  {
    code: 'Y92009',
    display:
      'UNSPECIFIED PLACE IN UNSPECIFIED NON-INSTITUTIONAL (PRIVATE) RESIDENCE AS THE PLACE OF OCCURRENCE OF THE EXTERNAL CAUSE',
  },
  { code: 'Y998', display: 'OTHER EXTERNAL CAUSE STATUS' },
];

/** ICD-10-PCS procedures for institutional claims: the first is a knee replacement's, the rest medical. */
export const PROCEDURES: readonly CodeDisplay[] = [
  { code: '0SRC0J9', display: 'REPLACEMENT OF RIGHT KNEE JOINT WITH SYNTHETIC SUBSTITUTE, CEMENTED, OPEN APPROACH' },
  { code: '30233N1', display: 'TRANSFUSION OF NONAUTOLOGOUS RED BLOOD CELLS INTO PERIPHERAL VEIN, PERCUTANEOUS APPROACH' },
  { code: 'BW03ZZZ', display: 'PLAIN RADIOGRAPHY OF CHEST' },
  { code: '0DJ08ZZ', display: 'INSPECTION OF UPPER INTESTINAL TRACT, VIA NATURAL OR ARTIFICIAL OPENING ENDOSCOPIC' },
  { code: '4A023N7', display: 'MEASUREMENT OF CARDIAC SAMPLING AND PRESSURE, LEFT HEART, PERCUTANEOUS APPROACH' },
  { code: '3E0234Z', display: 'INTRODUCTION OF SERUM, TOXOID AND VACCINE INTO MUSCLE, PERCUTANEOUS APPROACH' },
  { code: '02HV33Z', display: 'INSERTION OF INFUSION DEVICE INTO SUPERIOR VENA CAVA, PERCUTANEOUS APPROACH' },
];

/** Which procedures suit which claims, by code. */
export const PROCEDURE_SETS = {
  surgicalStay: ['0SRC0J9', '30233N1'],
  medicalStay: ['BW03ZZZ', '02HV33Z', '30233N1', '4A023N7', '0DJ08ZZ'],
  outpatient: ['BW03ZZZ', '3E0234Z', '0DJ08ZZ'],
  snf: ['BW03ZZZ'],
} as const;
