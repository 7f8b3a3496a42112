/**
 * The claim-type catalogue: the one place that says how each Blue Button claim type is named, explained and
 * coloured, in plain language for people with Medicare. Claim types:
 * https://bluebutton.cms.gov/resources/codesystem/eob-type ; colours are the `--care-*` CSS variables of
 * app/globals.css, so charts, tables and legends agree. Also the plain-language names of the parts of Medicare.
 * Parts: https://www.medicare.gov/basics/get-started-with-medicare/medicare-basics/parts-of-medicare
 */
import { CLAIM_TYPES, type ClaimType, type MedicarePart } from './types';

/** How one claim type is shown. */
export interface ClaimTypeInfo {
  type: ClaimType;
  /** A short plain-language name, e.g. "Doctor and clinic visits". */
  label: string;
  /** One claim of this type, for a title, e.g. "Doctor or clinic visit". */
  one: string;
  /** One sentence saying what these claims are. */
  description: string;
  /** A CSS colour, as a variable reference, e.g. `var(--care-carrier)`. */
  color: string;
  /** The part of Medicare that covers it, in plain words, e.g. "Part B" or "Part A or B". */
  part: string;
}

/** Every claim type's label, description and colour. */
export const CLAIM_TYPE_CATALOGUE: Readonly<Record<ClaimType, ClaimTypeInfo>> = {
  carrier: {
    type: 'carrier',
    one: 'Doctor or clinic visit',
    label: 'Doctor and clinic visits',
    description: 'Visits and services from doctors, clinics, labs and other health professionals (Part B).',
    color: 'var(--care-carrier)',
    part: 'Part B',
  },
  dme: {
    type: 'dme',
    one: 'Medical equipment',
    label: 'Medical equipment',
    description: 'Equipment and supplies for use at home, such as walkers, oxygen or diabetes supplies.',
    color: 'var(--care-dme)',
    part: 'Part B',
  },
  hha: {
    type: 'hha',
    one: 'Home health care',
    label: 'Home health',
    description: 'Nursing, therapy and other care a home health agency gave you at home.',
    color: 'var(--care-hha)',
    part: 'Part A or B',
  },
  hospice: {
    type: 'hospice',
    one: 'Hospice care',
    label: 'Hospice',
    description: 'Comfort care for a terminal illness, at home or in a hospice.',
    color: 'var(--care-hospice)',
    part: 'Part A',
  },
  inpatient: {
    type: 'inpatient',
    one: 'Hospital stay',
    label: 'Hospital stays',
    description: 'Care while you were admitted to a hospital as an inpatient (Part A).',
    color: 'var(--care-inpatient)',
    part: 'Part A',
  },
  outpatient: {
    type: 'outpatient',
    one: 'Hospital outpatient care',
    label: 'Hospital outpatient',
    description: 'Hospital care without being admitted, such as emergency visits, tests or same-day surgery.',
    color: 'var(--care-outpatient)',
    part: 'Part B',
  },
  pde: {
    type: 'pde',
    one: 'Prescription fill',
    label: 'Prescriptions',
    description: 'Medicines you filled at a pharmacy and your Part D drug plan paid for.',
    color: 'var(--care-pde)',
    part: 'Part D',
  },
  snf: {
    type: 'snf',
    one: 'Skilled nursing facility stay',
    label: 'Skilled nursing facility',
    description:
      'Short-term nursing or rehabilitation care in a skilled nursing facility, usually after a hospital stay.',
    color: 'var(--care-snf)',
    part: 'Part A',
  },
};

/** The catalogue entries in claim-type order (`carrier` … `snf`), for legends and filters. */
export const CLAIM_TYPE_LIST: readonly ClaimTypeInfo[] = CLAIM_TYPES.map(
  (type) => CLAIM_TYPE_CATALOGUE[type],
);

/** How a claim type is shown. */
export function claimTypeInfo(type: ClaimType): ClaimTypeInfo {
  return CLAIM_TYPE_CATALOGUE[type];
}

/** Each part of Medicare in plain words, with its letter: "Hospital insurance (Part A)"… */
export const MEDICARE_PART_NAMES: Readonly<Record<MedicarePart, string>> = {
  A: 'Hospital insurance (Part A)',
  B: 'Medical insurance (Part B)',
  C: 'Medicare Advantage (Part C)',
  D: 'Drug coverage (Part D)',
};
