/**
 * Reading CDC's ICD-10-CM code files (https://www.cdc.gov/nchs/icd/icd-10-cm/files.html), in either layout:
 *
 * - `icd10cm-codes-YYYY.txt`: the billable codes, one a line: the code (no dot), spaces, the long description;
 * - `icd10cm-order-YYYY.txt`: every code and header in tabular order, fixed width: order number (5), code (7,
 *   from column 7), header flag (column 15: 0 header such as a 3-character category, 1 billable), short
 *   description (60, from column 17), long description (from column 78).
 *
 * The order file gives the 3-character categories and other headers too, which claims sometimes carry.
 */
import { isIcd10CmShape } from '@/lib/codes/code-forms';

/** Which CDC layout a file is in. */
export type Icd10CmLayout = 'order' | 'codes';

const ORDER_LINE = /^\d{5} [A-Z0-9]/;
const CODES_LINE = /^([A-Z][0-9A-Z]{2,6})\s+(\S.*)$/;

/** The layout of a CDC file, from its first non-empty line; null when it is neither. */
export function detectLayout(text: string): Icd10CmLayout | null {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  if (ORDER_LINE.test(first)) return 'order';
  if (CODES_LINE.test(first)) return 'codes';
  return null;
}

/** One line of an order file: code, whether billable, long description; null for a line that is not one. */
export function parseOrderLine(
  line: string,
): { code: string; billable: boolean; description: string } | null {
  if (!ORDER_LINE.test(line) || line.length < 17) return null;
  const code = line.slice(6, 13).trim();
  const flag = line.charAt(14);
  const long = line.slice(77).trim() || line.slice(16, 76).trim();
  if (!isIcd10CmShape(code) || (flag !== '0' && flag !== '1') || !long) return null;
  return { code, billable: flag === '1', description: long };
}

/** One line of a codes file: code and description; null for a line that is not one. */
export function parseCodesLine(line: string): { code: string; description: string } | null {
  const match = CODES_LINE.exec(line.trimEnd());
  if (!match || !isIcd10CmShape(match[1]!)) return null;
  return { code: match[1]!, description: match[2]!.trim() };
}

/** The codes and descriptions of a CDC file's text, and how many lines were not codes. */
export function parseIcd10CmFile(text: string): {
  layout: Icd10CmLayout;
  entries: Map<string, string>;
  billable: number;
  skipped: number;
} {
  const layout = detectLayout(text);
  if (layout === null) throw new Error('not a CDC ICD-10-CM codes or order file');
  const entries = new Map<string, string>();
  let billable = 0;
  let skipped = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const parsed = layout === 'order' ? parseOrderLine(line) : parseCodesLine(line);
    if (!parsed) {
      skipped += 1;
      continue;
    }
    if (!('billable' in parsed) || parsed.billable) billable += 1;
    entries.set(parsed.code, parsed.description);
  }
  return { layout, entries, billable, skipped };
}

/** The release a CDC file name tells (`icd10cm-order-2026.txt` → `FY2026`), or null. */
export function versionFromFileName(file: string): string | null {
  const year = /(20\d\d)/.exec(file.split(/[\\/]/).pop() ?? '')?.[1];
  return year ? `FY${year}` : null;
}
