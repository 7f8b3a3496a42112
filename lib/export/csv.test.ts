import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, neutralise, plainNumber, toCsv, type CsvColumn } from './csv';

describe('csvField', () => {
  it('leaves plain text alone and quotes text holding a quote, a comma, CR or LF', () => {
    expect(csvField('Dr. Smith')).toBe('Dr. Smith');
    expect(csvField('Smith, John')).toBe('"Smith, John"');
    expect(csvField('the "big" one')).toBe('"the ""big"" one"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('"')).toBe('""""');
  });

  it('writes nothing for empty values', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")']) {
      expect(neutralise(text)).toBe(`'${text}`);
    }
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    // Neutralised first, then quoted: the quote stays outside the leading '.
    expect(csvField('=A1,"x"')).toBe('"\'=A1,""x"""');
    expect(csvField('\r=1')).toBe('"\'\r=1"');
  });

  it('leaves text that merely contains those characters alone', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('x-ray')).toBe('x-ray');
    expect(csvField(" '=1")).toBe(" '=1");
    expect(csvField("'=1")).toBe("'=1");
  });

  it('writes numbers plainly, negative ones included, never neutralised', () => {
    expect(csvField(1234.5)).toBe('1234.5');
    expect(csvField(1234.56)).toBe('1234.56');
    expect(csvField(-25)).toBe('-25');
    expect(csvField(-0)).toBe('0');
    expect(csvField(0)).toBe('0');
    expect(csvField(1_000_000)).toBe('1000000');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('keeps unicode as it is', () => {
    expect(csvField('José Núñez — 東京 🙂')).toBe('José Núñez — 東京 🙂');
    expect(csvField('Ω, ß')).toBe('"Ω, ß"');
  });
});

describe('plainNumber', () => {
  it('never uses an exponent', () => {
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(-1.5e-7)).toBe('-0.00000015');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.2345e21)).toBe('1234500000000000000000');
    expect(plainNumber(123e-20)).toBe('0.00000000000000000123');
  });

  it('reads back as the same number', () => {
    for (const n of [0.01, 19.99, 1234.5, 987654.321, 1e-7, 3.14159e-10, 5e22, -42.42]) {
      expect(Number(plainNumber(n))).toBe(n);
    }
  });
});

describe('toCsv', () => {
  interface Row {
    name: string | null;
    amount: number;
  }
  const columns: CsvColumn<Row>[] = [
    { heading: 'Name', value: (r) => r.name },
    { heading: 'Amount, in dollars', value: (r) => r.amount },
  ];

  it('writes a header record and one CRLF-ended record per row', () => {
    const rows: Row[] = [
      { name: 'A', amount: 1.5 },
      { name: null, amount: -2 },
    ];
    expect(toCsv(columns, rows)).toBe('Name,"Amount, in dollars"\r\nA,1.5\r\n,-2\r\n');
    expect(toCsv(columns, [])).toBe('Name,"Amount, in dollars"\r\n');
    expect(csvRecord([])).toBe('\r\n');
  });

  it('is read back by a CSV parser as the same cells', () => {
    const names = ['Smith, "Jo"', 'line\r\nbreak', '=evil()', 'José', '', '  spaced  '];
    const rows = names.map((name, i) => ({ name, amount: i * 10.25 }));
    const parsed = parse(toCsv(columns, rows), { record_delimiter: '\r\n' }) as string[][];
    expect(parsed[0]).toEqual(['Name', 'Amount, in dollars']);
    expect(parsed.slice(1)).toEqual(
      rows.map((r) => [r.name.startsWith('=') ? `'${r.name}` : r.name, String(r.amount)]),
    );
  });
});
