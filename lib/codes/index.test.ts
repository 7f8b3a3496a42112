import { describe, expect, it } from 'vitest';
import { CONDITIONS, ENCOUNTER } from '@/sandbox/data/codes/icd10';
import { SERVICES } from '@/sandbox/data/codes/hcpcs';
import { REVENUE_CENTERS } from '@/sandbox/data/codes/revenue';
import { PART_B_DRUGS, PART_D_DRUGS } from '@/sandbox/data/codes/drugs';
import {
  CODE_CATALOGUES,
  codeCatalogues,
  describeDiagnosis,
  describeDrug,
  describeRevenueCenter,
  describeService,
  formatIcd10,
  formatNdc,
  readableText,
} from '.';

describe('describeDiagnosis', () => {
  const icd10 = (code: string, display: string | null = null) =>
    describeDiagnosis({ code, system: 'icd-10', display });

  it('finds an ICD-10-CM code with or without the dot, in any case', () => {
    const expected = {
      code: 'E119',
      text: 'TYPE 2 DIABETES MELLITUS WITHOUT COMPLICATIONS',
      source: 'icd-10-cm',
    };
    expect(icd10('E119')).toEqual(expected);
    expect(icd10('E11.9')).toEqual(expected);
    expect(icd10(' e11.9 ')).toEqual(expected);
  });

  it('prefers the display the claim carries', () => {
    expect(icd10('E11.9', 'Type 2 diabetes')).toEqual({
      code: 'E119',
      text: 'Type 2 diabetes',
      source: 'data',
    });
  });

  it('treats a blank display as none', () => {
    expect(icd10('I10', '  ').source).toBe('icd-10-cm');
  });

  it('gives null for a code the catalogue lacks, and for what is not an ICD-10-CM code', () => {
    expect(icd10('Q999')).toEqual({ code: 'Q999', text: null, source: null });
    expect(icd10('not a code')).toMatchObject({ text: null, source: null });
  });

  it('describes ICD-9 and other systems from the data only', () => {
    expect(describeDiagnosis({ code: '25000', system: 'icd-9', display: null })).toEqual({
      code: '25000',
      text: null,
      source: null,
    });
    expect(describeDiagnosis({ code: '3310', system: 'icd-9', display: "ALZHEIMER'S DISEASE" })).toEqual({
      code: '3310',
      text: "ALZHEIMER'S DISEASE",
      source: 'data',
    });
    // An ICD-9 code shaped like an ICD-10 one is not looked up in the ICD-10-CM catalogue.
    expect(describeDiagnosis({ code: 'E119', system: 'icd-9', display: null }).text).toBeNull();
  });

  it('describes every diagnosis code the sandbox emits from the catalogue alone', () => {
    for (const { code } of [...Object.values(CONDITIONS), ...ENCOUNTER]) {
      expect(icd10(code).source, code).toBe('icd-10-cm');
    }
  });
});

describe('describeService', () => {
  it('never describes a CPT code, even when the data carries a display', () => {
    for (const code of ['99213', '0001U', '3074F', '0075T', '99091']) {
      expect(describeService({ code, display: 'Office or other outpatient visit' })).toEqual({
        code,
        text: null,
        source: null,
        kind: 'cpt',
      });
    }
  });

  it('takes a HCPCS Level II text from the data first, then the catalogue', () => {
    expect(describeService({ code: 'G0439', display: 'Annual wellness visit' })).toEqual({
      code: 'G0439',
      text: 'Annual wellness visit',
      source: 'data',
      kind: 'hcpcs',
    });
    expect(describeService({ code: 'g0439', display: null })).toEqual({
      code: 'G0439',
      text: 'Ppps, subseq visit',
      source: 'hcpcs',
      kind: 'hcpcs',
    });
  });

  it('gives null text for a Level II code the catalogue lacks', () => {
    expect(describeService({ code: 'Q9999', display: null })).toEqual({
      code: 'Q9999',
      text: null,
      source: null,
      kind: 'hcpcs',
    });
  });

  it('shows CDT dental codes as the code alone', () => {
    expect(describeService({ code: 'D0120', display: 'Periodic oral evaluation' })).toMatchObject({
      text: null,
      kind: 'other',
    });
  });

  it('describes an NDC on a line as a drug', () => {
    expect(describeService({ code: '00003-0894-21', display: null })).toEqual({
      code: '00003089421',
      text: 'Eliquis - APIXABAN',
      source: 'ndc',
      kind: 'ndc',
    });
  });

  it('keeps other codes with their data display, and a line without a code', () => {
    expect(describeService({ code: 'XX', display: 'Something' })).toEqual({
      code: 'XX',
      text: 'Something',
      source: 'data',
      kind: 'other',
    });
    expect(describeService({ code: 'XX', display: null }).text).toBeNull();
    expect(describeService({ code: null, display: null })).toEqual({
      code: '',
      text: null,
      source: null,
      kind: null,
    });
  });

  it("describes every Level II code the sandbox emits, with the sandbox's text", () => {
    for (const service of Object.values(SERVICES)) {
      const described = describeService({ code: service.code, display: null });
      if (service.display)
        expect(described, service.code).toMatchObject({ text: service.display, kind: 'hcpcs' });
      else expect(described.kind, service.code).toBe('cpt');
    }
  });
});

describe('describeRevenueCenter', () => {
  it('finds 4-digit codes, padding shorter ones', () => {
    expect(describeRevenueCenter('0450')).toEqual({
      code: '0450',
      text: 'Emergency room - general classification',
      source: 'revenue-center',
    });
    expect(describeRevenueCenter('450')?.code).toBe('0450');
    expect(describeRevenueCenter('0001')?.text).toBe('Total charge');
  });

  it('gives null text for unknown codes and null for no code', () => {
    expect(describeRevenueCenter('6767')).toEqual({ code: '6767', text: null, source: null });
    expect(describeRevenueCenter('abc')).toEqual({ code: 'abc', text: null, source: null });
    expect(describeRevenueCenter(null)).toBeNull();
    expect(describeRevenueCenter(' ')).toBeNull();
  });

  it('knows every revenue centre the sandbox emits, as the sandbox names it', () => {
    for (const [code, text] of Object.entries(REVENUE_CENTERS)) {
      expect(describeRevenueCenter(code)?.text, code).toBe(text);
    }
  });
});

describe('describeDrug', () => {
  it('finds an NDC with or without dashes, including 10-digit dashed forms', () => {
    const eliquis = { code: '00003089421', text: 'Eliquis - APIXABAN', source: 'ndc' };
    expect(describeDrug('00003089421', null)).toEqual(eliquis);
    expect(describeDrug('00003-0894-21', null)).toEqual(eliquis);
    expect(describeDrug('0003-0894-21', null)).toEqual(eliquis);
  });

  it("prefers the data's drug name", () => {
    expect(describeDrug('0003-0894-21', 'Eliquis 5 mg')).toEqual({
      code: '00003089421',
      text: 'Eliquis 5 mg',
      source: 'data',
    });
    expect(describeDrug(null, 'Eliquis')).toEqual({ code: '', text: 'Eliquis', source: 'data' });
  });

  it('gives null text for unknown or malformed NDCs and null for nothing', () => {
    expect(describeDrug('99999999999', null)).toEqual({ code: '99999999999', text: null, source: null });
    expect(describeDrug('000000000', null)).toEqual({ code: '000000000', text: null, source: null });
    expect(describeDrug(null, null)).toBeNull();
  });

  it('names every NDC the sandbox emits', () => {
    for (const { ndc, display } of [...Object.values(PART_D_DRUGS), ...Object.values(PART_B_DRUGS)]) {
      expect(describeDrug(ndc, null)?.text, ndc).toBe(display);
    }
  });
});

describe('readableText', () => {
  it('puts upper-case texts in sentence case', () => {
    expect(readableText('OTHER SALMONELLA INFECTIONS')).toBe('Other salmonella infections');
    expect(readableText("ALZHEIMER'S DISEASE, UNSPECIFIED")).toBe("Alzheimer's disease, unspecified");
  });

  it('keeps codes with digits and known abbreviations in capitals', () => {
    expect(readableText('CHRONIC KIDNEY DISEASE, STAGE 3A')).toBe('Chronic kidney disease, stage 3A');
    expect(readableText('CHRONIC OBSTRUCTIVE PULMONARY DISEASE (COPD) WITH HIV')).toBe(
      'Chronic obstructive pulmonary disease (COPD) with HIV',
    );
  });

  it('keeps lone letters that name something, but not the article or a possessive', () => {
    expect(readableText('HEPATITIS A WITHOUT HEPATIC COMA')).toBe('Hepatitis A without hepatic coma');
    expect(readableText('VITAMIN D DEFICIENCY, UNSPECIFIED')).toBe('Vitamin D deficiency, unspecified');
    expect(readableText('STRUCK BY A DOG')).toBe('Struck by a dog');
    expect(readableText("PARKINSON'S DISEASE")).toBe("Parkinson's disease");
  });

  it('leaves mixed-case and letterless texts alone', () => {
    expect(readableText('Ventolin HFA - ALBUTEROL SULFATE')).toBe('Ventolin HFA - ALBUTEROL SULFATE');
    expect(readableText('Ppps, subseq visit')).toBe('Ppps, subseq visit');
    expect(readableText('0450')).toBe('0450');
    expect(readableText('')).toBe('');
  });
});

describe('code forms', () => {
  it('dots ICD-10-CM codes and dashes NDCs for reading', () => {
    expect(formatIcd10('E119')).toBe('E11.9');
    expect(formatIcd10('I10')).toBe('I10');
    expect(formatIcd10('S72001A')).toBe('S72.001A');
    expect(formatNdc('00003089421')).toBe('00003-0894-21');
    expect(formatNdc('nope')).toBe('nope');
  });
});

describe('the catalogues', () => {
  it('name their source and version, and count their entries', () => {
    const all = codeCatalogues();
    expect(all.map((c) => c.name)).toEqual([
      'ICD-10-CM diagnosis codes',
      'HCPCS Level II codes',
      'Revenue centre codes',
      'Drug names by NDC',
    ]);
    for (const c of all) {
      expect(c.version, c.name).not.toBe('unknown');
      expect(c.source, c.name).toMatch(/https:\/\//);
      expect(c.entries, c.name).toBeGreaterThan(40);
    }
    expect(
      CODE_CATALOGUES.map(({ name, version, source, entries }) => ({ name, version, source, entries })),
    ).toEqual(all.map(({ name, version, source, entries }) => ({ name, version, source, entries })));
  });

  it('say so when a catalogue is partial', () => {
    const icd = codeCatalogues()[0]!;
    expect(icd.complete).toBe(icd.entries >= 70_000);
    if (!icd.complete) expect(icd.source).toMatch(/^PARTIAL/);
  });
});
