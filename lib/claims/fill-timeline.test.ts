import { describe, expect, it } from 'vitest';
import { fill } from './__fixtures__/build.test-support';
import { drugHistories } from './adherence';
import { dateOfDay, dayNumber } from './calendar';
import { fillTimeline } from './fill-timeline';
import type { Prescription } from './types';

const LISINOPRIL = { ndc: '68180051301', drugName: 'Lisinopril - LISINOPRIL' };
const METFORMIN = { ndc: '00093104801', drugName: 'Metformin Hydrochloride - METFORMIN HYDROCHLORIDE' };

function rx(id: string, date: string, daysSupply: number | null, drug: Partial<Prescription> = LISINOPRIL) {
  return fill(id, date, {}, { daysSupply, ...drug });
}

describe('dayNumber and dateOfDay', () => {
  it('are each other’s inverse across leap days and centuries', () => {
    for (const date of ['1970-01-01', '2000-02-29', '2024-02-29', '2024-03-01', '2100-03-01', '1899-12-31']) {
      expect(dateOfDay(dayNumber(date)!)).toBe(date);
    }
    expect(dayNumber('2025-01-01')! - dayNumber('2024-01-01')!).toBe(366);
    expect(dayNumber('2025-02-29')).toBeNull();
  });
});

describe('fillTimeline', () => {
  // A 100-day window, Jan 1 to Apr 10, 2025: one day is 1 %.
  const from = '2025-01-01';
  const to = '2025-04-10';

  it('draws each fill from its date over its days supply, as % of the window', () => {
    const histories = drugHistories([rx('a', '2025-01-01', 30), rx('b', '2025-01-31', 30)], to);
    const { rows } = fillTimeline(histories, from, to);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fills).toEqual([
      { date: '2025-01-01', daysSupply: 30, supplyUntil: '2025-01-30', daysLate: null, left: 0, width: 30 },
      { date: '2025-01-31', daysSupply: 30, supplyUntil: '2025-03-01', daysLate: null, left: 30, width: 30 },
    ]);
  });

  it('flags a refill more than 7 days after the supply ran out, and leaves the gap empty', () => {
    // The first supply covers Jan 1–30; Feb 8 is 9 days after Jan 31, the first day without it.
    const histories = drugHistories([rx('a', '2025-01-01', 30), rx('b', '2025-02-08', 30)], to);
    const [first, second] = fillTimeline(histories, from, to).rows[0]!.fills;
    expect(first).toMatchObject({ daysLate: null, left: 0, width: 30 });
    expect(second).toMatchObject({ date: '2025-02-08', daysLate: 8, left: 38, width: 30 });
  });

  it('does not flag a refill 7 days after the supply ran out', () => {
    const histories = drugHistories([rx('a', '2025-01-01', 30), rx('b', '2025-02-07', 30)], to);
    expect(fillTimeline(histories, from, to).rows[0]!.fills[1]!.daysLate).toBeNull();
  });

  it('cuts supplies at the window’s edges and leaves out fills and drugs outside it', () => {
    const histories = drugHistories(
      [
        rx('a', '2024-12-17', 30), // Dec 17 – Jan 15: 15 days inside
        rx('b', '2025-03-27', 90), // Mar 27 – Jun 24: 15 days inside
        rx('c', '2024-06-01', 30, METFORMIN), // ends before the window
      ],
      to,
    );
    const { rows } = fillTimeline(histories, from, to);
    expect(rows.map((row) => row.name)).toEqual(['Lisinopril - LISINOPRIL']);
    expect(rows[0]!.fills.map((f) => [f.left, f.width])).toEqual([
      [0, 15],
      [85, 15],
    ]);
  });

  it('shows a fill without a days supply as a point', () => {
    const histories = drugHistories([rx('a', '2025-02-01', null)], to);
    expect(fillTimeline(histories, from, to).rows[0]!.fills[0]).toMatchObject({
      supplyUntil: null,
      left: 31,
      width: 0,
    });
  });

  it('marks the first day of every month in the window', () => {
    // Jan 15 – Apr 10 is 86 days; Feb 1 is day 17 of them, Mar 1 day 45, Apr 1 day 76 (counting from 0).
    const { months } = fillTimeline([], '2025-01-15', to);
    expect(months).toEqual([
      { month: '2025-02', label: 'Feb 2025', left: 19.77 },
      { month: '2025-03', label: 'Mar 2025', left: 52.33 },
      { month: '2025-04', label: 'Apr 2025', left: 88.37 },
    ]);
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => fillTimeline([], to, from)).toThrow(RangeError);
  });
});
