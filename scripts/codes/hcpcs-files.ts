/**
 * Reading CMS's Alpha-Numeric HCPCS file for the HCPCS Level II short descriptors
 * (https://www.cms.gov/medicare/coding-billing/healthcare-common-procedure-system/quarterly-update). Two forms are read:
 *
 * - the fixed-width `HCPCYYYY_<MONTH>_ANWEB.txt`: HCPC (columns 1–5), sequence number (6–10), record id (11:
 *   3 the first line of a code, 4 a continuation, 7 and 8 modifiers), long description (12–91), short
 *   description (92–119);
 * - the workbook saved as CSV, with a header row naming `HCPC` and `SHORT DESCRIPTION` (or
 *   `SHORT_DESCRIPTION`).
 *
 * CDT dental codes (D0000–D9999) are the ADA's and are left out, as are modifiers and anything that is not a
 * Level II code. See docs/codes.md.
 */

const LEVEL_II = /^[A-CE-V]\d{4}$/;

/** The short descriptor of one fixed-width line, or null for a continuation, a modifier or another line. */
export function parseFixedWidthLine(line: string): { code: string; description: string } | null {
  const code = line.slice(0, 5);
  if (!LEVEL_II.test(code) || line.charAt(10) !== '3') return null;
  const description = line.slice(91, 119).trim();
  return description ? { code, description } : null;
}

/** The cells of one CSV line (RFC 4180 quoting; a quoted cell may not span lines). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

function fromCsv(lines: string[]): Map<string, string> {
  const header = csvCells(lines[0]!).map((name) =>
    name
      .trim()
      .toUpperCase()
      .replace(/[\s_]+/g, ' '),
  );
  const codeAt = header.indexOf('HCPC');
  const shortAt = header.indexOf('SHORT DESCRIPTION');
  if (codeAt === -1 || shortAt === -1) throw new Error('the CSV header has no HCPC and SHORT DESCRIPTION');
  const entries = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const cells = csvCells(line);
    const code = cells[codeAt]?.trim() ?? '';
    const description = cells[shortAt]?.trim() ?? '';
    if (LEVEL_II.test(code) && description && !entries.has(code)) entries.set(code, description);
  }
  return entries;
}

/** The Level II codes and short descriptors of a CMS HCPCS file's text, fixed width or CSV. */
export function parseHcpcsFile(text: string): {
  layout: 'fixed-width' | 'csv';
  entries: Map<string, string>;
} {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new Error('the HCPCS file is empty');
  if (/HCPC/i.test(lines[0]!) && lines[0]!.includes(',')) return { layout: 'csv', entries: fromCsv(lines) };
  const entries = new Map<string, string>();
  for (const line of lines) {
    const parsed = parseFixedWidthLine(line);
    if (parsed && !entries.has(parsed.code)) entries.set(parsed.code, parsed.description);
  }
  if (entries.size === 0) throw new Error('no HCPCS Level II code found: not an Alpha-Numeric HCPCS file');
  return { layout: 'fixed-width', entries };
}
