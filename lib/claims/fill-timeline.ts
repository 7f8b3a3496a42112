/**
 * The fill history as a timeline: per drug, each fill drawn from its fill date over its days supply, so the days
 * without supply show as gaps, with the late refills of `lateRefills` flagged. Positions are percentages of a
 * window of whole days. docs/money.md "Prescriptions: adherence, late refills, stops and switches".
 */
import { lateRefills, type DrugHistory } from './adherence';
import { dateOfDay, dayNumber, monthLabel, monthsBetween } from './calendar';

/** One fill on the timeline. */
export interface TimelineFill {
  date: string;
  daysSupply: number | null;
  /** The last day the fill's supply lasts (fill date + days supply − 1); null without a days supply. */
  supplyUntil: string | null;
  /** Days after the previous supply ran out, when more than the grace period (a late refill); else null. */
  daysLate: number | null;
  /** Where the fill starts in the window, and how much of it its supply covers, in % of the window. */
  left: number;
  width: number;
}

/** One drug's row. */
export interface TimelineRow {
  key: string;
  name: string;
  status: DrugHistory['status'];
  fills: TimelineFill[];
}

/** A window of days and every drug filled in it. */
export interface FillTimeline {
  from: string;
  to: string;
  /** The first day of each month starting in the window, with its position in %. */
  months: { month: string; label: string; left: number }[];
  rows: TimelineRow[];
}

/** Rounded to 0.01 %, enough for drawing and stable for tests. */
const percent = (part: number, whole: number) => Math.round((part / whole) * 10000) / 100;

/**
 * The timeline of `histories` from `from` to `to` (`YYYY-MM-DD`, both included). A fill appears when its
 * supply (or, without a days supply, its fill date) falls in the window, cut at the window's edges; drugs with
 * no such fill are left out. A `from` after `to`, or either not a real day, is a programming error.
 */
export function fillTimeline(histories: readonly DrugHistory[], from: string, to: string): FillTimeline {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (start === null || end === null || start > end)
    throw new RangeError('from and to must be days, from first');
  const days = end - start + 1;
  const rows: TimelineRow[] = [];
  for (const history of histories) {
    const late = new Map(lateRefills(history).map((refill) => [refill.date, refill.daysLate]));
    const fills: TimelineFill[] = [];
    for (const fill of history.fills) {
      const day = dayNumber(fill.date);
      if (day === null) continue;
      const supply = fill.daysSupply !== null && fill.daysSupply > 0 ? fill.daysSupply : null;
      const last = day + (supply ?? 1) - 1;
      if (last < start || day > end) continue;
      const visibleStart = Math.max(day, start);
      const visibleEnd = Math.min(last, end);
      fills.push({
        date: fill.date,
        daysSupply: fill.daysSupply,
        supplyUntil: supply === null ? null : dateOfDay(last),
        daysLate: late.get(fill.date) ?? null,
        left: percent(visibleStart - start, days),
        width: supply === null ? 0 : percent(visibleEnd - visibleStart + 1, days),
      });
    }
    if (fills.length > 0) rows.push({ key: history.key, name: history.name, status: history.status, fills });
  }
  const months = monthsBetween(from.slice(0, 7), to.slice(0, 7))
    .map((month) => ({ month, day: dayNumber(`${month}-01`)! }))
    .filter(({ day }) => day >= start)
    .map(({ month, day }) => ({ month, label: monthLabel(month), left: percent(day - start, days) }));
  return { from, to, months, rows };
}
