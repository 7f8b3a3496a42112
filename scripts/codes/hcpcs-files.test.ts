import { describe, expect, it } from 'vitest';
import { csvCells, parseFixedWidthLine, parseHcpcsFile } from './hcpcs-files';

/** A line of the fixed-width file: HCPC, sequence, record id, long (80) and short (28) descriptions, more. */
function fixedLine(code: string, recordId: string, long: string, short: string): string {
  return `${code.padEnd(5)}${'00100'}${recordId}${long.padEnd(80)}${short.padEnd(28)}A 1 20250101`;
}

const FIXED = [
  fixedLine('A0425', '3', 'Ground mileage, per statute mile', 'Ground mileage'),
  fixedLine('A0425', '4', 'continued long text', ''),
  fixedLine('D0120', '3', 'Periodic oral evaluation - established patient', 'Periodic oral evaluation'),
  fixedLine(
    'G0439',
    '3',
    'Annual wellness visit, includes a personalized prevention plan',
    'Ppps, subseq visit',
  ),
  fixedLine('25', '7', 'Significant, separately identifiable e/m service', 'Significant, separately iden'),
].join('\r\n');

describe("CMS's HCPCS file", () => {
  it('reads the short descriptor of each Level II code from the fixed-width file', () => {
    expect(parseFixedWidthLine(fixedLine('G0439', '3', 'long', 'Ppps, subseq visit'))).toEqual({
      code: 'G0439',
      description: 'Ppps, subseq visit',
    });
    const { layout, entries } = parseHcpcsFile(FIXED);
    expect(layout).toBe('fixed-width');
    // Continuations, CDT dental codes and modifiers are left out.
    expect(Object.fromEntries(entries)).toEqual({ A0425: 'Ground mileage', G0439: 'Ppps, subseq visit' });
  });

  it('reads the workbook saved as CSV', () => {
    const csv = [
      'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION',
      'A0425,00100,3,"Ground mileage, per statute mile",Ground mileage',
      'J0702,00100,3,"Injection, betamethasone acetate 3 mg and betamethasone sodium phosphate 3 mg","Betamethasone acet&sod phosp"',
      'D0120,00100,3,Periodic oral evaluation,Periodic oral evaluation',
    ].join('\n');
    const { layout, entries } = parseHcpcsFile(csv);
    expect(layout).toBe('csv');
    expect(Object.fromEntries(entries)).toEqual({
      A0425: 'Ground mileage',
      J0702: 'Betamethasone acet&sod phosp',
    });
  });

  it('splits quoted CSV cells', () => {
    expect(csvCells('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
  });

  it('rejects files that are neither', () => {
    expect(() => parseHcpcsFile('')).toThrow(/empty/);
    expect(() => parseHcpcsFile('hello\nworld')).toThrow(/not an Alpha-Numeric HCPCS file/);
    expect(() => parseHcpcsFile('HCPC,LONG\nA0425,x')).toThrow(/SHORT DESCRIPTION/);
  });
});
