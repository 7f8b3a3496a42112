import { beforeAll, describe, expect, it } from 'vitest';
import { getBeneficiary } from './index';
import { prescription } from './readers.test-support';

// Part D fills recur per drug on their days-supply cadence, with late refills, switches and stops,
// and refill numbers counting up within a prescription (issue 2).
const ANCHOR = '2026-11-16';
const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;

function fillsByDrug(n: number) {
  const b = getBeneficiary(n, { anchor: ANCHOR });
  const byDrug = new Map<string, ReturnType<typeof prescription>[]>();
  for (const entry of b.eobs.filter((e) => e.type === 'pde')) {
    const rx = prescription(JSON.parse(b.eobJson(entry.id, 2) ?? 'null'));
    byDrug.set(rx.ndc, [...(byDrug.get(rx.ndc) ?? []), rx]);
  }
  for (const fills of byDrug.values()) fills.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return byDrug;
}

describe('Part D fills', () => {
  let all: ReturnType<typeof fillsByDrug>[] = [];
  beforeAll(() => {
    all = Array.from({ length: 25 }, (_, i) => fillsByDrug(i));
  });

  it('recur on the days-supply cadence, mostly on time, some late', () => {
    let intervals = 0;
    let onTime = 0;
    let late = 0;
    for (const byDrug of all) {
      for (const fills of byDrug.values()) {
        for (let i = 1; i < fills.length; i++) {
          const prev = fills[i - 1];
          const fill = fills[i];
          if (!prev || !fill) continue;
          expect([30, 90]).toContain(prev.daysSupply);
          const gap = days(prev.date, fill.date);
          expect(gap).toBeGreaterThanOrEqual(prev.daysSupply - 7);
          intervals++;
          if (gap <= prev.daysSupply + 3) onTime++;
          if (gap > prev.daysSupply + 5) late++;
        }
      }
    }
    expect(intervals).toBeGreaterThan(500);
    expect(onTime / intervals).toBeGreaterThan(0.8);
    expect(late).toBeGreaterThan(0);
  });

  it('count refill numbers up within a prescription and start again at 0', () => {
    let renewals = 0;
    for (const byDrug of all) {
      const firstFill = [...byDrug.values()].map((fills) => fills[0]?.date ?? '').sort()[0] ?? '';
      for (const fills of byDrug.values()) {
        // Drugs already taken when the data starts may begin mid-prescription; later ones start at 0.
        if (days(firstFill, fills[0]?.date ?? firstFill) > 60) expect(fills[0]?.refillNumber).toBe(0);
        for (let i = 1; i < fills.length; i++) {
          const prev = fills[i - 1]?.refillNumber ?? -1;
          const next = fills[i]?.refillNumber ?? -1;
          expect(next === prev + 1 || next === 0, `${prev} → ${next}`).toBe(true);
          if (next === 0) renewals++;
        }
      }
    }
    expect(renewals).toBeGreaterThan(10);
  });

  it('include stopped drugs and switches to another drug', () => {
    let stopped = 0;
    let started = 0;
    for (const byDrug of all) {
      for (const fills of byDrug.values()) {
        const first = fills[0];
        const last = fills[fills.length - 1];
        if (!first || !last) continue;
        if (days(last.date, '2026-11-08') > last.daysSupply * 2 + 30) stopped++;
        if (days('2022-11-15', first.date) > 90) started++;
      }
    }
    expect(stopped).toBeGreaterThan(3);
    expect(started).toBeGreaterThan(3);
  });

  it('name real-looking drugs: 11-digit NDCs with "Name - INGREDIENT" displays and quantities', () => {
    for (const byDrug of all.slice(0, 10)) {
      for (const [ndc, fills] of byDrug) {
        expect(ndc).toMatch(/^\d{11}$/);
        for (const fill of fills) {
          expect(fill.drugName).toMatch(/^[A-Z][\w -]* - [A-Z0-9 ,()-]+$/);
          expect(fill.quantity).toBeGreaterThan(0);
        }
      }
    }
  });
});
