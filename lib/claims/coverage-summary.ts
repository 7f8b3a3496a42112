/**
 * The dashboard's coverage card: for each part of Medicare, whether it is in force today, with its dates and
 * plan ids, and the months of dual eligibility and of Part D Extra Help in plain words. Coverage fields:
 * docs/money.md "Coverage fields"; what BFD sends: docs/blue-button.md §14.
 */
import { MEDICARE_PART_NAMES } from './catalogue';
import { addMonths, isMonth, monthLabel, monthOfToday } from './calendar';
import { medicarePartSchema, type CoverageMonth, type CoveragePart, type MedicarePart } from './types';

/** The months that share one code, for the coverage page. */
export interface CodeMonths {
  /** The code as sent, e.g. `02`. */
  code: string;
  /** In plain words, e.g. "Full Medicaid and Medicare, with QMB (full dual)". */
  description: string;
  /** The months `YYYY-MM`, oldest first. */
  months: string[];
  /** The months for people, e.g. "Jan–Mar 2025, Jun 2025" ({@link monthRanges}). */
  ranges: string;
}

/** One part of Medicare on the coverage card. */
export interface PartCoverage {
  part: MedicarePart;
  /** In plain words, e.g. "Hospital insurance (Part A)". */
  name: string;
  /** Status `active` and today within its period (an open end, or no period at all, counts as within). */
  active: boolean;
  status: string | null;
  start: string | null;
  end: string | null;
  contractIds: string[];
  planIds: string[];
  /** The months of Medicare–Medicaid dual eligibility: one entry per code, by each code's first month. */
  dualMonths: CodeMonths[];
  /** Part D only (else empty): the months of Extra Help, one entry per cost-sharing group, as above. */
  costSharingMonths: CodeMonths[];
}

/**
 * Monthly Medicare–Medicaid dual eligibility codes (DUAL_01 … DUAL_12) in plain words. Meanings from CMS's
 * CCW Master Beneficiary Summary File codebook (https://www2.ccwdata.org/web/guest/data-dictionaries; as
 * Blue Button publishes it: https://bluebutton.cms.gov/resources/variables/dual_01), which calls 02, 04 and
 * 08 full duals and 01, 03, 05 and 06 partial duals. QMB, SLMB, QI and QDWI are the Medicare Savings
 * Programs (https://www.medicare.gov/basics/costs/help/medicare-savings-programs).
 */
const DUAL_DESCRIPTIONS: Readonly<Record<string, string>> = {
  NA: 'No Medicaid (not dual)',
  '00': 'Not enrolled in Medicare that month',
  '**': 'No dual status on record (no Part D enrollment data)',
  XX: 'No dual status on record (no Part D enrollment data)',
  '01': 'Medicare Savings Program only: Qualified Medicare Beneficiary, QMB (partial dual)',
  '02': 'Full Medicaid and Medicare, with QMB (full dual)',
  '03': 'Medicare Savings Program only: Specified Low-Income Medicare Beneficiary, SLMB (partial dual)',
  '04': 'Full Medicaid and Medicare, with SLMB (full dual)',
  '05': 'Medicare Savings Program only: Qualified Disabled Working Individual, QDWI (partial dual)',
  '06': 'Medicare Savings Program only: Qualifying Individual, QI (partial dual)',
  '08': 'Full Medicaid and Medicare (full dual)',
  '09': 'Dual eligible, without Medicaid coverage',
  '99': 'Dual status unknown (code 99)',
};

/**
 * Monthly Part D low-income subsidy cost-sharing groups (CSTSHR01 … CSTSHR12) in plain words. Meanings from
 * the same CCW codebook (https://bluebutton.cms.gov/resources/variables/cstshr01): 01–03 are "deemed
 * eligible" (Extra Help comes automatically with Medicaid, a Medicare Savings Program or SSI), 04–08
 * "enrolled in LIS" (approved on application); the low-income subsidy is what Medicare calls Extra Help
 * (https://www.medicare.gov/basics/costs/help/drug-costs). 09–13 have no subsidy.
 */
const COST_SHARING_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '00': 'Not enrolled in Medicare that month',
  '**': 'No Part D enrollment data',
  XX: 'No Part D enrollment data',
  '01': 'Extra Help (automatic): full premium subsidy, no copays',
  '02': 'Extra Help (automatic): full premium subsidy, low copays',
  '03': 'Extra Help (automatic): full premium subsidy, higher copays',
  '04': 'Extra Help: full premium subsidy, higher copays',
  '05': 'Extra Help: full premium subsidy, 15% copays',
  '06': 'Extra Help: 75% premium subsidy, 15% copays',
  '07': 'Extra Help: 50% premium subsidy, 15% copays',
  '08': 'Extra Help: 25% premium subsidy, 15% copays',
  '09': 'Part D without Extra Help',
  '10': 'Not in Part D: employer drug plan with the retiree drug subsidy',
  '11': 'Not in Part D: other creditable drug coverage',
  '12': 'Not in Part D: no retiree drug subsidy plan and no creditable coverage',
  '13': 'Not in Part D',
};

function described(table: Readonly<Record<string, string>>, code: string, unknown: string): string {
  const key = code.trim().toUpperCase();
  return Object.hasOwn(table, key) ? table[key]! : `${unknown} ${code.trim() || '(blank)'}`;
}

/** A monthly dual eligibility code in plain words; a code the codebook does not list reads "… code 07". */
export function describeDual(code: string): string {
  return described(DUAL_DESCRIPTIONS, code, 'Medicare–Medicaid status code');
}

/** A monthly Part D cost-sharing group code in plain words; an unlisted code reads "… code 14". */
export function describeCostSharing(code: string): string {
  return described(COST_SHARING_DESCRIPTIONS, code, 'Part D cost-sharing group code');
}

const shortMonth = (month: string) => monthLabel(month).slice(0, 3);

/**
 * Months `YYYY-MM` as ranges of consecutive months for people, oldest first: "Jan–Mar 2025, Jun 2025",
 * "Nov 2024–Feb 2025", "Jun 2025". Order and repeats do not matter; values that are not months are left out;
 * no months give "".
 */
export function monthRanges(months: readonly string[]): string {
  const sorted = [...new Set(months.filter((month) => isMonth(month)))].sort();
  const ranges: string[] = [];
  let first = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const next = sorted[i + 1];
    if (next !== undefined && next === addMonths(sorted[i]!, 1)) continue;
    const from = sorted[first]!;
    const to = sorted[i]!;
    if (from === to) ranges.push(monthLabel(from));
    else if (from.slice(0, 4) === to.slice(0, 4)) ranges.push(`${shortMonth(from)}–${monthLabel(to)}`);
    else ranges.push(`${monthLabel(from)}–${monthLabel(to)}`);
    first = i + 1;
  }
  return ranges.join(', ');
}

/** Months grouped by code, groups in order of their first month. */
function byCode(entries: readonly CoverageMonth[], describe: (code: string) => string): CodeMonths[] {
  const groups = new Map<string, string[]>();
  const oldestFirst = [...entries].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  for (const { month, code } of oldestFirst) {
    const months = groups.get(code) ?? [];
    if (!months.includes(month)) months.push(month);
    groups.set(code, months);
  }
  return [...groups].map(([code, months]) => ({
    code,
    description: describe(code),
    months,
    ranges: monthRanges(months),
  }));
}

/** `date` compared with `today` on the date's own precision (`2026`, `2026-05` or `2026-05-31`). */
function compareDay(date: string, today: string): number {
  const day = date.slice(0, 10);
  const head = today.slice(0, day.length);
  return day < head ? -1 : day > head ? 1 : 0;
}

function isActive(coverage: CoveragePart, today: string): boolean {
  if (coverage.status !== 'active') return false;
  if (coverage.start !== null && compareDay(coverage.start, today) > 0) return false;
  return coverage.end === null || compareDay(coverage.end, today) >= 0;
}

/** Later starts first; a Coverage without a start after those with one. */
function laterStartFirst(a: CoveragePart, b: CoveragePart): number {
  if (a.start === b.start) return 0;
  if (a.start === null) return 1;
  if (b.start === null) return -1;
  return a.start < b.start ? 1 : -1;
}

/**
 * Parts A, B, C and D in that order. When several Coverage resources give the same part, the one in force today
 * is shown, else the one that started last, with its months of dual eligibility and (Part D) Extra Help. A
 * part without any Coverage is not active and has no dates, ids or months.
 */
export function coverageSummary(coverage: readonly CoveragePart[], today: string): PartCoverage[] {
  monthOfToday(today); // a today of another shape than YYYY-MM-DD is a programming error: it throws
  return medicarePartSchema.options.map((part): PartCoverage => {
    const entries = coverage.filter((c) => c.part === part);
    const chosen = entries.find((c) => isActive(c, today)) ?? [...entries].sort(laterStartFirst)[0] ?? null;
    return {
      part,
      name: MEDICARE_PART_NAMES[part],
      active: chosen !== null && isActive(chosen, today),
      status: chosen?.status ?? null,
      start: chosen?.start ?? null,
      end: chosen?.end ?? null,
      contractIds: chosen ? [...chosen.contractIds] : [],
      planIds: chosen ? [...chosen.planIds] : [],
      dualMonths: chosen ? byCode(chosen.dualEligibility, describeDual) : [],
      costSharingMonths: chosen && part === 'D' ? byCode(chosen.costSharing, describeCostSharing) : [],
    };
  });
}
