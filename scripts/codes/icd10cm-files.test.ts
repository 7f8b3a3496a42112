import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '@/lib/codes/catalogue-file';
import { catalogueText, writeCatalogue } from './catalogue-writer';
import { detectLayout, parseIcd10CmFile, parseOrderLine, versionFromFileName } from './icd10cm-files';
import { fixtureDiagnoses, sandboxDiagnoses } from './icd10cm-seed';

/** A line of CDC's order file: order number, code, header flag, short and long description in fixed columns. */
function orderLine(order: number, code: string, billable: boolean, short: string, long: string): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${short.padEnd(60)} ${long}`;
}

const ORDER = [
  orderLine(1, 'A00', false, 'Cholera', 'Cholera'),
  orderLine(
    2,
    'A000',
    true,
    'Cholera due to Vibrio cholerae 01, biovar cholerae',
    'Cholera due to Vibrio cholerae 01, biovar cholerae',
  ),
  orderLine(
    3,
    'E119',
    true,
    'Type 2 diabetes mellitus without complications',
    'Type 2 diabetes mellitus without complications',
  ),
  orderLine(
    4,
    'S72001A',
    true,
    'Fx unsp part of neck of right femur, init for clos fx',
    'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
  ),
].join('\r\n');

const CODES = [
  'A000    Cholera due to Vibrio cholerae 01, biovar cholerae',
  'E119    Type 2 diabetes mellitus without complications',
  'Z23     Encounter for immunization',
].join('\n');

describe("CDC's ICD-10-CM files", () => {
  it('tells the two layouts apart', () => {
    expect(detectLayout(ORDER)).toBe('order');
    expect(detectLayout(`\n${CODES}`)).toBe('codes');
    expect(detectLayout('code,description\n')).toBeNull();
  });

  it('reads the order file: headers and billable codes, with the long description', () => {
    const parsed = parseIcd10CmFile(ORDER);
    expect(parsed.layout).toBe('order');
    expect(parsed.billable).toBe(3);
    expect(Object.fromEntries(parsed.entries)).toEqual({
      A00: 'Cholera',
      A000: 'Cholera due to Vibrio cholerae 01, biovar cholerae',
      E119: 'Type 2 diabetes mellitus without complications',
      S72001A: 'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
    });
  });

  it('reads the codes file', () => {
    const parsed = parseIcd10CmFile(CODES);
    expect(parsed.layout).toBe('codes');
    expect(parsed.entries.get('Z23')).toBe('Encounter for immunization');
    expect(parsed.entries.size).toBe(3);
  });

  it('skips lines that are not codes, such as ICD-10-PCS ones', () => {
    expect(
      parseOrderLine(orderLine(9, '0016070', true, 'Bypass', 'Bypass cereb vent to nasophar w auto sub')),
    ).toBeNull();
    expect(parseIcd10CmFile(`${CODES}\n0016070 Bypass`).skipped).toBe(1);
  });

  it('rejects a file in neither layout', () => {
    expect(() => parseIcd10CmFile('hello')).toThrow(/not a CDC/);
  });

  it('reads the release from the file name', () => {
    expect(versionFromFileName('/tmp/icd10cm-order-2026.txt')).toBe('FY2026');
    expect(versionFromFileName('codes.txt')).toBeNull();
  });
});

describe('the catalogue file written', () => {
  it('is sorted, headed, and read back by lib/codes', () => {
    const header = { name: 'ICD-10-CM', source: 'test', version: 'FY2026', complete: true };
    const entries = parseIcd10CmFile(ORDER).entries;
    const text = catalogueText(header, entries);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '# name: ICD-10-CM',
      '# source: test',
      '# version: FY2026',
      '# complete: yes',
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'icd-')), 'out.tsv.gz');
    writeCatalogue(file, header, entries);
    const read = parseCatalogue(gunzipSync(readFileSync(file)).toString('utf8'), 'x');
    expect(read.info.entries).toBe(4);
    expect(read.lookup('S72001A')).toMatch(/^Fracture of unspecified part/);
  });
});

describe('the partial seed', () => {
  it('holds the sandbox diagnoses and the fixture ones, without ICD-10-PCS procedures', () => {
    const sandbox = sandboxDiagnoses();
    expect(sandbox.get('E119')).toBe('TYPE 2 DIABETES MELLITUS WITHOUT COMPLICATIONS');
    const fixtures = fixtureDiagnoses();
    expect(fixtures.get('A02')).toBe('OTHER SALMONELLA INFECTIONS');
    expect(fixtures.has('BP17ZZZ')).toBe(false);
  });
});
