import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeSwitch, drugHistories, lateRefills, switches } from '@/lib/claims/adherence';
import { PART_D_OUT_OF_POCKET_CAP, partDOutOfPocket } from '@/lib/claims/deductibles';
import { createNormalizer } from '@/lib/claims/normalize';
import type { Prescription } from '@/lib/claims/types';
import { DRUG_SWITCH_USER, PART_D_CAP_USER } from './demo-users';
import { getBeneficiary } from './index';
import type { FhirVersion } from './types';
import { usernameFor } from './users';

// The Part D out-of-pocket limit as the app sees it: Part D events rendered by the sandbox, read by the app's
// own normalizer and added up by partDOutOfPocket (docs/money.md "Part D out-of-pocket").
const cents = (dollars: number) => Math.round(dollars * 100);
const byDate = (a: Prescription, b: Prescription) => (a.date ?? '').localeCompare(b.date ?? '');

function prescriptions(n: number, anchor: string, version: FhirVersion = 2): Prescription[] {
  const beneficiary = getBeneficiary(n, { anchor });
  const normalizer = createNormalizer({ version: version === 1 ? 'v1' : 'v2' });
  for (const entry of beneficiary.eobs) {
    if (entry.type === 'pde') normalizer.add(JSON.parse(beneficiary.eobJson(entry.id, version) ?? 'null'));
  }
  return normalizer.result().prescriptions.sort(byDate);
}

/**
 * Checks a year's fills around the limit and returns the fill that reached it: before it nothing is above the
 * threshold; it is split into a part below and a part above; after it every fill costs the beneficiary $0 and
 * all of its cost is above the threshold, paid by the plan.
 */
function checkLimit(all: readonly Prescription[], year: number): { crossing: Prescription; after: Prescription[] } {
  const fills = all.filter((p) => p.date?.startsWith(`${year}-`));
  for (const fill of fills) {
    const { patientPaid, otherTroop, lowIncomeSubsidy } = fill.troop;
    expect(cents(fill.planPaid + patientPaid + otherTroop + lowIncomeSubsidy)).toBe(cents(fill.totalCost));
  }
  const at = fills.findIndex((p) => p.aboveOutOfPocketThreshold > 0);
  const crossing = fills[at];
  if (!crossing) throw new Error(`no fill reached the ${year} limit`);
  const before = fills.slice(0, at);
  const after = fills.slice(at + 1);
  const cap = PART_D_OUT_OF_POCKET_CAP[year] ?? NaN;
  const troop = (p: Prescription) => cents(p.troop.patientPaid + p.troop.otherTroop + p.troop.lowIncomeSubsidy);
  const troopBefore = before.reduce((sum, p) => sum + troop(p), 0);
  expect(troopBefore).toBeLessThan(cents(cap));
  for (const fill of before) expect(fill.aboveOutOfPocketThreshold).toBe(0);
  expect(troopBefore + troop(crossing)).toBe(cents(cap));
  expect(crossing.aboveOutOfPocketThreshold).toBeLessThan(crossing.totalCost);
  for (const fill of after) {
    expect(fill.youPaid, `${fill.date} ${fill.drugName}`).toBe(0);
    expect(troop(fill)).toBe(0);
    expect(fill.aboveOutOfPocketThreshold).toBeGreaterThan(0);
    expect(cents(fill.aboveOutOfPocketThreshold)).toBe(cents(fill.totalCost));
    expect(cents(fill.planPaid)).toBe(cents(fill.totalCost));
  }
  return { crossing, after };
}

describe(`the Part D out-of-pocket limit user, ${usernameFor(PART_D_CAP_USER)}`, () => {
  // The first Monday of 2025 and of 2026, the earliest anchor that has January 1's fill, and later ones.
  it.each(['2025-01-06', '2025-06-30', '2026-01-03', '2026-01-05', '2026-11-16'])(
    'reaches the limit of the anchor’s year with January’s Imbruvica fill (anchor %s)',
    (anchor) => {
      const year = Number(anchor.slice(0, 4));
      const all = prescriptions(PART_D_CAP_USER, anchor);
      const result = partDOutOfPocket(all, year);
      const cap = PART_D_OUT_OF_POCKET_CAP[year] ?? NaN;
      expect(result).toMatchObject({ cap, reached: true, remaining: 0, trueOutOfPocket: cap });
      expect(result.byMonth[0]).toEqual({ month: `${year}-01`, amount: cap });
      const { crossing } = checkLimit(all, year);
      expect(crossing).toMatchObject({ date: `${year}-01-01`, ndc: '57962014009', drugName: 'Imbruvica - IBRUTINIB' });
      expect(crossing.youPaid).toBe(cap);
    },
  );

  it('pays nothing for any covered drug for the rest of the year, and reached 2025’s limit too', () => {
    const all = prescriptions(PART_D_CAP_USER, '2026-11-16');
    const { after } = checkLimit(all, 2026);
    expect(after.length).toBeGreaterThan(20);
    expect(new Set(after.map((p) => p.drugName)).size).toBeGreaterThan(2);
    expect(after.filter((p) => p.drugName === 'Imbruvica - IBRUTINIB').map((p) => p.date?.slice(5))).toEqual(
      ['02-01', '03-01', '04-01', '05-01', '06-01', '07-01', '08-01', '09-01', '10-01', '11-01'],
    );
    expect(partDOutOfPocket(all, 2025)).toMatchObject({ trueOutOfPocket: 2000, reached: true });
    checkLimit(all, 2025);
    // Before 2025 the catastrophic threshold ($8,000 in 2024) ends what she pays, without a limit to compare.
    expect(partDOutOfPocket(all, 2024)).toMatchObject({ trueOutOfPocket: 8000, cap: null, reached: null });
  });

  it('reads the same in FHIR v1', () => {
    const v1 = prescriptions(PART_D_CAP_USER, '2026-11-16', 1);
    expect(partDOutOfPocket(v1, 2026)).toEqual(partDOutOfPocket(prescriptions(PART_D_CAP_USER, '2026-11-16'), 2026));
    checkLimit(v1, 2026);
  });
});

describe(`the drug switch user, ${usernameFor(DRUG_SWITCH_USER)}`, () => {
  it('switches from Synthroid to generic levothyroxine on a new prescription, besides late refills and stops', () => {
    const anchor = '2026-11-16';
    const all = prescriptions(DRUG_SWITCH_USER, anchor);
    const histories = drugHistories(all, anchor);
    expect(switches(histories).map((change) => describeSwitch(change, histories))).toEqual([
      'Switched from Synthroid - LEVOTHYROXINE SODIUM to Levothyroxine Sodium - LEVOTHYROXINE SODIUM',
    ]);
    const generic = all.filter((p) => p.drugName === 'Levothyroxine Sodium - LEVOTHYROXINE SODIUM');
    expect(generic.map((p) => p.refillNumber).slice(0, 5)).toEqual([0, 1, 2, 3, 0]);
    const status = Object.fromEntries(histories.map((h) => [h.name.split(' - ')[0], h.status]));
    expect(status).toMatchObject({ Synthroid: 'stopped', 'Levothyroxine Sodium': 'active', Gabapentin: 'stopped' });
    expect(histories.flatMap(lateRefills).length).toBeGreaterThan(3);
  });
});

describe('the out-of-pocket limit for everyone', () => {
  // Users whose own brand copays (BBUser00020) or Extra Help (BBUser12000) add up to the limit during the year.
  it.each([
    ['BBUser00020', 2025, '2025-08', 20],
    ['BBUser00020', 2026, '2026-08', 20],
    ['BBUser12000', 2026, '2026-04', 12_000],
  ])('%s reaches the %i limit in %s and pays nothing after it', (_name, year, month, n) => {
    const all = prescriptions(n, '2026-11-16');
    const cap = PART_D_OUT_OF_POCKET_CAP[year];
    expect(partDOutOfPocket(all, year)).toMatchObject({ reached: true, trueOutOfPocket: cap });
    const { crossing, after } = checkLimit(all, year);
    expect(crossing.date?.slice(0, 7)).toBe(month);
    expect(after.length).toBeGreaterThan(5);
  });
});

describe('other users', () => {
  // Fingerprints taken before the limit user was added: the claim index (ids, types, service and update dates)
  // of each user, and the whole rendered data of users whose drugs never reach the limit.
  const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  const BEFORE: [n: number, count: number, index: string, everything?: string][] = [
    [0, 97, 'db6005ddaab54f9e'],
    [1, 236, '76665214eca49e46', '065202aeeef35afc'],
    [2, 421, 'd9fa303305c73fd5'],
    [42, 221, '1f5da51035acd3b2', 'b8fac14f8f2d70c1'],
    [1_999, 480, '4e9cf63fb3972c05'],
    [2_001, 214, '384732f79e9adf75'],
    [10_000, 0, '4f53cda18c2baa0c'],
    [10_040, 40, 'd0eeef7020cee000', 'aa20748663139c0e'],
    [12_000, 2000, '161b38e9b12e3b90'],
    [29_999, 148, '186d232a26d525b6'],
  ];

  const rows = BEFORE.map(([n, count, index, everything]) => ({ name: usernameFor(n), n, count, index, everything }));
  it.each(rows)('$name keeps its claims', ({ n, count, index, everything }) => {
    const b = getBeneficiary(n, { anchor: '2026-11-16' });
    expect(b.eobs).toHaveLength(count);
    expect(sha(JSON.stringify(b.eobs))).toBe(index);
    if (everything === undefined) return;
    const hash = createHash('sha256');
    for (const entry of b.eobs) hash.update(b.eobJson(entry.id, 2) ?? '').update(b.eobJson(entry.id, 1) ?? '');
    hash.update(b.patientJson(2)).update(JSON.stringify(b.coverage(2)));
    expect(hash.digest('hex').slice(0, 16)).toBe(everything);
  });
});
