/**
 * The dashboard's coverage card: for each part of Medicare, whether it is in force today, with its dates and
 * plan ids. Coverage fields: docs/money.md "Coverage fields"; what BFD sends: docs/blue-button.md §14.
 */
import { MEDICARE_PART_NAMES } from './catalogue';
import { monthOfToday } from './calendar';
import { medicarePartSchema, type CoveragePart, type MedicarePart } from './types';

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
 * is shown, else the one that started last. A part without any Coverage is not active and has no dates or ids.
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
    };
  });
}
