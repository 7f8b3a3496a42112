/**
 * The shapes of the codes on a claim, and their canonical forms for look-ups: ICD-10-CM without the dot (as
 * BFD sends it), HCPCS in upper case, NDCs as 11 digits, revenue centre codes as 4 digits. See docs/codes.md.
 */

/** An ICD-10-CM code, with or without the dot: a letter, two digits and up to four more characters. */
const ICD10_CM = /^[A-Z][0-9][0-9A-Z](?:[0-9A-Z]{1,4})?$/;
/** CPT (HCPCS Level I): five digits, or four digits and a letter (Category II `F`, III `T`, PLA `U`, `M`). */
const CPT = /^\d{4}[0-9A-Z]$/;
/** HCPCS Level II: a letter and four digits. */
const HCPCS_LEVEL_II = /^[A-Z]\d{4}$/;
/** CDT dental codes sit in HCPCS as D0000–D9999 but are the ADA's, licensed like CPT. */
const CDT = /^D\d{4}$/;

/** `e11.9` or ` E119 ` → `E119`: upper case, without the dot or spaces. */
export function normalizeIcd10(code: string): string {
  return code.replace(/[\s.]/g, '').toUpperCase();
}

/** True when `code` (dotted or not) has the shape of an ICD-10-CM code. */
export function isIcd10CmShape(code: string): boolean {
  return ICD10_CM.test(normalizeIcd10(code));
}

/** `E119` → `E11.9`, the form people read; anything that is not an ICD-10-CM code is returned as given. */
export function formatIcd10(code: string): string {
  const plain = normalizeIcd10(code);
  if (!ICD10_CM.test(plain)) return code;
  return plain.length > 3 ? `${plain.slice(0, 3)}.${plain.slice(3)}` : plain;
}

/** A service code's system, from its shape: CPT, HCPCS Level II, CDT (dental), NDC, or something else. */
export type ServiceCodeShape = 'cpt' | 'hcpcs' | 'cdt' | 'ndc' | 'other';

/** The shape of a line's service code (already trimmed and upper-cased, or not). */
export function serviceCodeShape(code: string): ServiceCodeShape {
  const plain = code.trim().toUpperCase();
  if (CPT.test(plain)) return 'cpt';
  if (CDT.test(plain)) return 'cdt';
  if (HCPCS_LEVEL_II.test(plain)) return 'hcpcs';
  if (normalizeNdc(plain) !== null) return 'ndc';
  return 'other';
}

/** True for a CPT (HCPCS Level I) code, whose descriptors the AMA licenses: never described here. */
export function isCpt(code: string): boolean {
  return CPT.test(code.trim().toUpperCase());
}

/** Dashed 10-digit NDC layouts (labeler-product-package) and where each pads to 5-4-2. */
const NDC_LAYOUTS: Readonly<Record<string, (parts: string[]) => string>> = {
  '5-4-2': ([a, b, c]) => `${a}${b}${c}`,
  '4-4-2': ([a, b, c]) => `0${a}${b}${c}`,
  '5-3-2': ([a, b, c]) => `${a}0${b}${c}`,
  '5-4-1': ([a, b, c]) => `${a}${b}0${c}`,
};

/**
 * An NDC as the 11 digits claims use (5-4-2 without dashes), or null when `ndc` is not one. Dashed 10-digit
 * forms (4-4-2, 5-3-2, 5-4-1) are padded with the zero the FDA's 11-digit form adds.
 * https://www.fda.gov/drugs/drug-approvals-and-databases/national-drug-code-directory
 */
export function normalizeNdc(ndc: string): string | null {
  const trimmed = ndc.trim();
  if (/^\d{11}$/.test(trimmed)) return trimmed;
  const parts = trimmed.split('-');
  if (parts.length !== 3 || !parts.every((part) => /^\d+$/.test(part))) return null;
  const pad = NDC_LAYOUTS[parts.map((part) => part.length).join('-')];
  return pad ? pad(parts) : null;
}

/** `00003089421` → `00003-0894-21`; anything that is not an NDC is returned as given. */
export function formatNdc(ndc: string): string {
  const plain = normalizeNdc(ndc);
  return plain ? `${plain.slice(0, 5)}-${plain.slice(5, 9)}-${plain.slice(9)}` : ndc;
}

/** A revenue centre code as 4 digits (`450` → `0450`), or null when it is not 1–4 digits. */
export function normalizeRevenueCenter(code: string): string | null {
  const trimmed = code.trim();
  return /^\d{1,4}$/.test(trimmed) ? trimmed.padStart(4, '0') : null;
}
