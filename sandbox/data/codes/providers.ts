/**
 * Provider reference data for synthetic claims: facility and pharmacy names (made up, ordinary),
 * CMS provider specialty codes with their NUCC taxonomy (public code sets, as BFD writes them in
 * `careTeam[].qualification`), and NPIs with a valid Luhn check digit (CMS NPI standard).
 */
import type { Rng } from '../prng';

/** A CMS specialty with its NUCC taxonomy. */
export interface Specialty {
  readonly cms: string;
  readonly cmsDisplay: string;
  readonly nucc: string;
  readonly nuccDisplay: string;
}

/** Specialties of the doctors on professional claims. */
export const SPECIALTIES: readonly Specialty[] = [
  { cms: '11', cmsDisplay: 'Internal medicine', nucc: '207R00000X', nuccDisplay: 'Internal Medicine Physician' },
  { cms: '08', cmsDisplay: 'Family practice', nucc: '207Q00000X', nuccDisplay: 'Family Medicine Physician' },
  { cms: '06', cmsDisplay: 'Cardiology', nucc: '207RC0000X', nuccDisplay: 'Cardiovascular Disease Physician' },
  { cms: '18', cmsDisplay: 'Ophthalmology', nucc: '207W00000X', nuccDisplay: 'Ophthalmology Physician' },
  { cms: '20', cmsDisplay: 'Orthopedic surgery', nucc: '207X00000X', nuccDisplay: 'Orthopaedic Surgery Physician' },
  { cms: '41', cmsDisplay: 'Optometrist', nucc: '152W00000X', nuccDisplay: 'Optometrist' },
];

/** Names by kind of facility or supplier. */
export const FACILITY_NAMES = {
  hospital: [
    'RIVERSIDE REGIONAL MEDICAL CENTER', 'ST. LUKE MEMORIAL HOSPITAL', 'LAKEVIEW COMMUNITY HOSPITAL',
    'MERCY GENERAL HOSPITAL', 'VALLEY HEALTH MEDICAL CENTER', 'PINE RIDGE HOSPITAL',
  ],
  snf: ['MAPLE GROVE HEALTH AND REHABILITATION', 'CEDAR HILLS NURSING CENTER', 'GREENFIELD CARE CENTER'],
  hha: ['HOMETOWN HOME HEALTH SERVICES', 'CARING HANDS HOME HEALTH', 'BRIGHTPATH HOME CARE'],
  hospice: ['COMPASSIONATE CARE HOSPICE', 'HARBOR LIGHT HOSPICE', 'SUNRISE HOSPICE AND PALLIATIVE CARE'],
  pharmacy: [
    'MAIN STREET PHARMACY', 'CORNER DRUG STORE', 'FAMILY CARE PHARMACY', 'HEALTHMART PHARMACY 2214',
    'VALLEY MAIL ORDER PHARMACY',
  ],
  clinic: ['PRIMARY CARE ASSOCIATES', 'CITY INTERNAL MEDICINE GROUP', 'LAKESIDE FAMILY PHYSICIANS'],
  dme: ['ACME MEDICAL SUPPLY', 'HOMECARE RESPIRATORY SERVICES', 'CARELINE DIABETES SUPPLY'],
} as const;

/** A 10-digit NPI starting with 1, with the Luhn check digit computed over the 80840 prefix. */
export function makeNpi(rng: Rng): string {
  let body = '1';
  for (let i = 0; i < 8; i++) body += String(rng.int(0, 9));
  const digits = `80840${body}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}
