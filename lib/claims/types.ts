/**
 * The app's own claim types: what Blue Button ExplanationOfBenefit, Coverage and Patient resources (FHIR STU3
 * "v1" and R4 "v2") become before any page, route or cache sees them. Money is in US dollars as plain numbers,
 * exact to the micro-dollar and not yet rounded (rounding to cents happens once, in the summary).
 * See docs/money.md and https://hl7.org/fhir/R4/explanationofbenefit.html
 */
import { z } from 'zod';

/** The eight Blue Button claim types, lower-cased `eob-type` codes: https://bluebutton.cms.gov/resources/codesystem/eob-type */
export const CLAIM_TYPES = [
  'carrier',
  'dme',
  'hha',
  'hospice',
  'inpatient',
  'outpatient',
  'pde',
  'snf',
] as const;

/** A Blue Button claim type, e.g. `carrier` (doctor and clinic claims) or `pde` (Part D prescription drug events). */
export const claimTypeSchema = z.enum(CLAIM_TYPES);
/** A Blue Button claim type: one of {@link CLAIM_TYPES}. */
export type ClaimType = z.infer<typeof claimTypeSchema>;

/** A provider, facility or pharmacy: its name and NPI when the claim carries them (https://npiregistry.cms.hhs.gov). */
export const partySchema = z.object({ name: z.string().nullable(), npi: z.string().nullable() });
/** A provider, facility or pharmacy. */
export type Party = z.infer<typeof partySchema>;

/** A facility, with its kind from `clm_fac_type_cd` or `phrmcy_srvc_type_cd` (e.g. "Hospital"). */
export const facilitySchema = partySchema.extend({ kind: z.string().nullable() });
/** A facility. */
export type Facility = z.infer<typeof facilitySchema>;

/** A member of the claim's care team (FHIR `careTeam[]`), with its role code (`performing`, `prescribing`…). */
export const careTeamMemberSchema = partySchema.extend({
  sequence: z.number().nullable(),
  role: z.string().nullable(),
});
/** A member of the claim's care team. */
export type CareTeamMember = z.infer<typeof careTeamMemberSchema>;

/** Which code system a diagnosis, procedure or line code comes from. */
export const codeSystemKindSchema = z.enum(['icd-10', 'icd-9', 'hcpcs', 'ndc', 'other']);
/** Which code system a code comes from. */
export type CodeSystemKind = z.infer<typeof codeSystemKindSchema>;

/** A diagnosis (FHIR `diagnosis[]`): ICD code, its display, and its role (`principal`, `admitting`, `secondary`…). */
export const diagnosisSchema = z.object({
  code: z.string(),
  display: z.string().nullable(),
  system: codeSystemKindSchema,
  role: z.string().nullable(),
});
/** A diagnosis on a claim. */
export type Diagnosis = z.infer<typeof diagnosisSchema>;

/** A procedure (FHIR `procedure[]`): ICD procedure code, display and date (`YYYY-MM-DD`). */
export const procedureSchema = z.object({
  code: z.string(),
  display: z.string().nullable(),
  system: codeSystemKindSchema,
  date: z.string().nullable(),
});
/** A procedure on a claim. */
export type Procedure = z.infer<typeof procedureSchema>;

/**
 * A claim line (FHIR `item[]`). Line money is null when the line does not carry it; see `claim-money.ts` for
 * which CCW variables each amount comes from.
 */
export const claimLineSchema = z.object({
  sequence: z.number().nullable(),
  code: z.string().nullable(),
  display: z.string().nullable(),
  /** The revenue centre code of an institutional line (`rev_cntr`, e.g. `0450`). */
  revenue: z.string().nullable(),
  /** The line's kind of service as CMS classifies it (BETOS, `betos_cd` display, e.g. "Office visits - established"). */
  category: z.string().nullable(),
  /** The drug given on the line, when it carries an NDC, and its name when the data has one. */
  ndc: z.string().nullable(),
  drugName: z.string().nullable(),
  date: z.string().nullable(),
  quantity: z.number().nullable(),
  billed: z.number().nullable(),
  allowed: z.number().nullable(),
  medicarePaid: z.number().nullable(),
  youPaid: z.number().nullable(),
});
/** A claim line. */
export type ClaimLine = z.infer<typeof claimLineSchema>;

/**
 * One claim. `serviceStart` is the contract's service date (`YYYY-MM-DD`), `month` its `YYYY-MM`;
 * `billed`, `medicarePaid` and `youPaid` follow docs/money.md "Money per claim"; `partBDeductible` is what the
 * claim applied to the Part B deductible (docs/money.md "Part B deductible"), 0 for claim types without one.
 * `allowed` (the Medicare-approved amount, carrier and DME only), `deductible`, `coinsurance` and
 * `bloodDeductible` tell the claim's money as a story; the last three add up to `youPaid` except on drug events.
 */
export const claimSchema = z.object({
  id: z.string(),
  type: claimTypeSchema,
  status: z.string().nullable(),
  serviceStart: z.string().nullable(),
  serviceEnd: z.string().nullable(),
  month: z.string().nullable(),
  billed: z.number(),
  medicarePaid: z.number(),
  youPaid: z.number(),
  partBDeductible: z.number(),
  allowed: z.number().nullable(),
  deductible: z.number(),
  coinsurance: z.number(),
  bloodDeductible: z.number(),
  provider: partySchema.nullable(),
  facility: facilitySchema.nullable(),
  careTeam: z.array(careTeamMemberSchema),
  diagnoses: z.array(diagnosisSchema),
  procedures: z.array(procedureSchema),
  lines: z.array(claimLineSchema),
});
/** One claim. */
export type Claim = z.infer<typeof claimSchema>;

/**
 * What counted toward the Part D out-of-pocket limit on one fill ("true out-of-pocket", TrOOP), by who paid
 * it: you (`ptnt_pay_amt`), others paying for you such as a state program or a charity (`othr_troop_amt`),
 * and Extra Help, the low-income subsidy (`lics_amt`). docs/money.md "Part D out-of-pocket".
 */
export const trueOutOfPocketSchema = z.object({
  patientPaid: z.number(),
  otherTroop: z.number(),
  lowIncomeSubsidy: z.number(),
});
/** What counted toward the Part D out-of-pocket limit on one fill. */
export type TrueOutOfPocket = z.infer<typeof trueOutOfPocketSchema>;

/**
 * A filled prescription (a `pde` claim): the contract's prescription fields, then the pharmacy and prescriber,
 * then what counted toward the Part D out-of-pocket limit (`troop`) and the gross drug cost above the
 * out-of-pocket threshold (`aboveOutOfPocketThreshold`, `gdc_abv_oopt_amt`). See docs/money.md
 * "Prescription fields" and "Part D out-of-pocket".
 */
export const prescriptionSchema = z.object({
  id: z.string(),
  date: z.string().nullable(),
  ndc: z.string().nullable(),
  drugName: z.string().nullable(),
  daysSupply: z.number().nullable(),
  refillNumber: z.number().nullable(),
  quantity: z.number().nullable(),
  totalCost: z.number(),
  planPaid: z.number(),
  youPaid: z.number(),
  pharmacy: partySchema.nullable(),
  prescriber: partySchema.nullable(),
  troop: trueOutOfPocketSchema,
  aboveOutOfPocketThreshold: z.number(),
});
/** A filled prescription. */
export type Prescription = z.infer<typeof prescriptionSchema>;

/** The parts of Medicare: A hospital, B medical, C Medicare Advantage, D drugs. */
export const medicarePartSchema = z.enum(['A', 'B', 'C', 'D']);
/** A part of Medicare. */
export type MedicarePart = z.infer<typeof medicarePartSchema>;

/** One month of a monthly CCW enrolment variable: the month `YYYY-MM` and the code sent for it. */
export const coverageMonthSchema = z.object({ month: z.string(), code: z.string() });
/** One month's code. */
export type CoverageMonth = z.infer<typeof coverageMonthSchema>;

/**
 * One Coverage resource: the contract's part, status and period, plus cheap plan details from the CCW
 * enrolment variables (`ms_cd`, `rfrnc_yr`, `ptc_cntrct_id_NN`/`ptdcntrctNN`, `ptc_pbp_id_NN`/`ptdpbpidNN`)
 * and the months of Medicare–Medicaid dual eligibility (`dual_NN`) and of a Part D low-income subsidy
 * (`cstshrNN`/`cst_shr_grp_cd_NN`), oldest first.
 * See https://bluebutton.cms.gov/resources/variables/ and docs/money.md "Coverage fields".
 */
export const coveragePartSchema = z.object({
  id: z.string(),
  part: medicarePartSchema,
  status: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  medicareStatus: z.string().nullable(),
  referenceYear: z.string().nullable(),
  contractIds: z.array(z.string()),
  planIds: z.array(z.string()),
  dualEligibility: z.array(coverageMonthSchema),
  costSharing: z.array(coverageMonthSchema),
});
/** One Coverage resource. */
export type CoveragePart = z.infer<typeof coveragePartSchema>;

/**
 * The beneficiary's demographics (FHIR Patient). Everything but the id is optional: beneficiaries may decline to
 * share demographics. https://hl7.org/fhir/R4/patient.html
 */
export const profileSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  given: z.string().optional(),
  family: z.string().optional(),
  birthDate: z.string().optional(),
  gender: z.string().optional(),
  state: z.string().optional(),
  zip: z.string().optional(),
});
/** The beneficiary's demographics. */
export type Profile = z.infer<typeof profileSchema>;
