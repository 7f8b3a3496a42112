import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_TYPE_CATALOGUE, CLAIM_TYPE_LIST, MEDICARE_PART_NAMES, claimTypeInfo } from './catalogue';
import { CLAIM_TYPES, type ClaimType } from './types';

const stylesheet = readFileSync(path.resolve(import.meta.dirname, '../../app/globals.css'), 'utf8');

/** The value of a custom property declared in the stylesheet's `:root`. */
function cssVariable(name: string): string | undefined {
  const root = /:root\s*\{([^}]*)\}/.exec(stylesheet)?.[1] ?? '';
  return new RegExp(`(?:^|[\\s;])${name}:\\s*([^;]+);`).exec(root)?.[1]?.trim();
}

/** WCAG 2.2 relative luminance of `#rrggbb` (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance). */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2 contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio). */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// Against the page background (#ffffff); chart marks need 3:1 (WCAG 2.2 SC 1.4.11, non-text contrast).
const CONTRAST_ON_BACKGROUND: Record<ClaimType, number> = {
  carrier: 5.19,
  dme: 4.01,
  hha: 3.42,
  hospice: 5.26,
  inpatient: 3.87,
  outpatient: 8.73,
  pde: 12.17,
  snf: 5.92,
};

describe('the claim-type catalogue', () => {
  it('names every claim type in plain language', () => {
    expect(Object.fromEntries(CLAIM_TYPE_LIST.map((info) => [info.type, info.label]))).toEqual({
      carrier: 'Doctor and clinic visits',
      dme: 'Medical equipment',
      hha: 'Home health',
      hospice: 'Hospice',
      inpatient: 'Hospital stays',
      outpatient: 'Hospital outpatient',
      pde: 'Prescriptions',
      snf: 'Skilled nursing facility',
    });
  });

  it('says which part of Medicare covers each kind of care', () => {
    expect(Object.fromEntries(CLAIM_TYPE_LIST.map((info) => [info.type, info.one]))).toEqual({
      carrier: 'Doctor or clinic visit',
      dme: 'Medical equipment',
      hha: 'Home health care',
      hospice: 'Hospice care',
      inpatient: 'Hospital stay',
      outpatient: 'Hospital outpatient care',
      pde: 'Prescription fill',
      snf: 'Skilled nursing facility stay',
    });
    expect(Object.fromEntries(CLAIM_TYPE_LIST.map((info) => [info.type, info.part]))).toEqual({
      carrier: 'Part B',
      dme: 'Part B',
      hha: 'Part A or B',
      hospice: 'Part A',
      inpatient: 'Part A',
      outpatient: 'Part B',
      pde: 'Part D',
      snf: 'Part A',
    });
  });

  it('names the four parts of Medicare in plain words', () => {
    expect(MEDICARE_PART_NAMES).toEqual({
      A: 'Hospital insurance (Part A)',
      B: 'Medical insurance (Part B)',
      C: 'Medicare Advantage (Part C)',
      D: 'Drug coverage (Part D)',
    });
  });

  it.each(CLAIM_TYPES)('gives %s one sentence and a CSS variable colour', (type) => {
    const info = claimTypeInfo(type);
    expect(info).toBe(CLAIM_TYPE_CATALOGUE[type]);
    expect(info.description).toMatch(/^[A-Z][^.]*\.$/);
    expect(info.color).toBe(`var(--care-${type})`);
  });

  it.each(CLAIM_TYPES)('has a colour for %s in the stylesheet, at least 3:1 against the page', (type) => {
    const colour = cssVariable(`--care-${type}`);
    const background = cssVariable('--background');
    expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
    expect(background).toBe('#ffffff');
    const ratio = contrast(colour!, background!);
    expect(ratio).toBeCloseTo(CONTRAST_ON_BACKGROUND[type], 2);
    expect(ratio).toBeGreaterThanOrEqual(3);
  });

  it('gives every kind of care its own colour', () => {
    const colours = CLAIM_TYPES.map((type) => cssVariable(`--care-${type}`)?.toLowerCase());
    expect(new Set(colours).size).toBe(CLAIM_TYPES.length);
  });
});
