/**
 * A small CSV writer: RFC 4180 text (https://www.rfc-editor.org/rfc/rfc4180) with CRLF line ends, a field
 * quoted only when it holds a quote, a comma, CR or LF, and quotes doubled inside it. Text that a spreadsheet
 * would run as a formula is neutralised with a leading `'`, as OWASP advises
 * (https://owasp.org/www-community/attacks/CSV_Injection); numbers are written as plain numbers, never
 * neutralised, so a spreadsheet still adds them up. See docs/exports.md.
 */

/** One cell: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null | undefined;

/** One column of a table: its heading and how a row fills it. */
export interface CsvColumn<T> {
  heading: string;
  value: (row: T) => CsvValue;
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * `n` as a plain decimal number (`1234.5`, `-0.25`, `0.0000001`): the shortest text that reads back as the
 * same number, with no exponent and no grouping. Not a finite number: an empty cell.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n === 0) return '0';
  const text = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = '', exp] = match;
  const digits = `${lead}${rest}`;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Text that cannot start a formula: a leading `'` when it begins with `=`, `+`, `-`, `@`, tab or CR. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field as written: numbers plain, text neutralised, then quoted when RFC 4180 asks for it. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? plainNumber(value) : neutralise(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A whole table: the header record, then one record per row. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>): string {
  const records = [csvRecord(columns.map((c) => c.heading))];
  for (const row of rows) records.push(csvRecord(columns.map((c) => c.value(row))));
  return records.join('');
}
