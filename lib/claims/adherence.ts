/**
 * The Prescriptions page's figures per drug: its fill history, whether it is still taken, refills that came
 * late, the proportion of days covered (PQA) and switches between products of the same ingredient. Pure
 * functions over `Prescription`; time is an explicit `today` (`YYYY-MM-DD`) and days are counted as integers,
 * with no `Date` and no time zone. Money is added in micro-dollars and rounded to cents in what is returned.
 * docs/money.md "Prescriptions: adherence, late refills, stops and switches".
 */
import { dayNumber } from './calendar';
import { roundToCents, toMicros, type Micros } from './money';
import type { Prescription } from './types';

/** A refill more than this many days after the supply before it ran out is late. */
export const LATE_REFILL_GRACE_DAYS = 7;
/** The days supply assumed for the stop rule when the last fill does not carry one. */
export const DEFAULT_DAYS_SUPPLY = 30;
/** The sentence shown next to a proportion of days covered. */
export const ADHERENCE_EXPLANATION = '80 % or more is generally considered taking it as prescribed.';

function todayNumber(today: string): number {
  const number = dayNumber(today);
  if (number === null) throw new RangeError('today must be a date YYYY-MM-DD');
  return number;
}

const normalizeName = (name: string): string => name.trim().replace(/\s+/g, ' ');

/** The fill's NDC when it carries a real one: an all-zero placeholder (CMS's synthetic samples) is none. */
function realNdc(p: Prescription): string | null {
  const ndc = p.ndc?.trim() ?? '';
  return ndc === '' || /^0+$/.test(ndc) ? null : ndc;
}

/**
 * Which drug a fill is: the same product is the same NDC (`ndc:<code>`); without an NDC, the same drug name,
 * trimmed, spaces collapsed and lower-cased (`name:<name>`). Null when the fill has neither.
 */
export function drugKey(p: Prescription): string | null {
  const ndc = realNdc(p);
  if (ndc !== null) return `ndc:${ndc}`;
  const name = normalizeName(p.drugName ?? '');
  return name === '' ? null : `name:${name.toLowerCase()}`;
}

/**
 * The generic ingredient of a fill's drug. Blue Button names drugs "Brand or product - GENERIC"
 * ("Amlodipine Besylate - AMLODIPINE BESYLATE"): the part after the last " - ", upper-cased. A name without
 * " - " is the ingredient as a whole, lower-cased ("lisinopril 10 mg"); no name is "".
 */
export function ingredientOf(p: Prescription): string {
  const name = normalizeName(p.drugName ?? '');
  const at = name.lastIndexOf(' - ');
  const generic = at < 0 ? '' : name.slice(at + 3).trim();
  return generic === '' ? name.toLowerCase() : generic.toUpperCase();
}

/**
 * A drug name for reading: Blue Button's "Product - GENERIC" as the product with its generic ingredient in
 * brackets when they differ ("Eliquis - APIXABAN" → "Eliquis (apixaban)"), or the product alone when they are
 * the same ("Lisinopril - LISINOPRIL" → "Lisinopril"). A name of another shape is returned as it is.
 */
export function drugLabel(name: string): string {
  const plain = normalizeName(name);
  const at = plain.lastIndexOf(' - ');
  if (at < 0) return plain;
  const product = plain.slice(0, at).trim();
  const generic = plain.slice(at + 3).trim();
  if (!product || !generic) return product || generic;
  return product.toLowerCase() === generic.toLowerCase() ? product : `${product} (${generic.toLowerCase()})`;
}

/** One fill of a drug, as the Prescriptions page lists it. */
export interface DrugFill {
  date: string;
  daysSupply: number | null;
  youPaid: number;
  pharmacy: string | null;
}

/** Everything filled of one drug (one product), oldest fill first. */
export interface DrugHistory {
  key: string;
  /** The drug name on the newest fill that has one, else the NDC. */
  name: string;
  /** {@link ingredientOf} that name. */
  generic: string;
  ndc: string | null;
  fills: DrugFill[];
  firstFill: string;
  lastFill: string;
  fillCount: number;
  totalYouPaid: number;
  lastDaysSupply: number | null;
  /** Stopped when today is more than twice the last days supply after the last fill. */
  status: 'active' | 'stopped';
}

/**
 * One history per drug ({@link drugKey}), the most recently filled first (ties by key). Fills without a real
 * fill date or without any drug identity are left out. A drug is `stopped` when more than twice its last days
 * supply (30 days when the last fill does not say) has passed between its last fill and `today`.
 */
export function drugHistories(prescriptions: readonly Prescription[], today: string): DrugHistory[] {
  const now = todayNumber(today);
  const groups = new Map<string, Prescription[]>();
  for (const p of prescriptions) {
    const key = drugKey(p);
    if (key === null || dayNumber(p.date) === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const histories: DrugHistory[] = [];
  for (const [key, group] of groups) {
    const sorted = [...group].sort(
      (a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id),
    );
    const last = sorted[sorted.length - 1]!;
    const named = [...sorted].reverse().find((p) => normalizeName(p.drugName ?? '') !== '');
    let paid: Micros = 0;
    for (const p of sorted) paid += toMicros(p.youPaid);
    const lastDaysSupply = last.daysSupply;
    const allowed =
      2 * (lastDaysSupply !== null && lastDaysSupply > 0 ? lastDaysSupply : DEFAULT_DAYS_SUPPLY);
    histories.push({
      key,
      name: named ? normalizeName(named.drugName ?? '') : (realNdc(last) ?? key),
      generic: named ? ingredientOf(named) : '',
      ndc: realNdc(last),
      fills: sorted.map((p) => ({
        date: p.date ?? '',
        daysSupply: p.daysSupply,
        youPaid: p.youPaid,
        pharmacy: p.pharmacy?.name ?? null,
      })),
      firstFill: sorted[0]!.date ?? '',
      lastFill: last.date ?? '',
      fillCount: sorted.length,
      totalYouPaid: roundToCents(paid),
      lastDaysSupply,
      status: now - (dayNumber(last.date) ?? now) > allowed ? 'stopped' : 'active',
    });
  }
  return histories.sort((a, b) => b.lastFill.localeCompare(a.lastFill) || a.key.localeCompare(b.key));
}

/** A fill's supply as days `[start, end)` after shifting it past the supply already on hand. */
interface Supply {
  fillDay: number;
  fillDate: string;
  /** The first day the supply before this fill no longer covered (null for the first supply). */
  previousEnd: number | null;
  start: number;
  end: number;
}

/**
 * The PQA supply chain: fills oldest first, each fill's supply starting on its fill date or, when supply from
 * earlier fills is still on hand, on the day after that runs out. Fills without a days supply add none.
 */
function supplies(fills: readonly DrugFill[]): Supply[] {
  const chain: Supply[] = [];
  let onHandUntil: number | null = null;
  for (const fill of fills) {
    const day = dayNumber(fill.date);
    const days = fill.daysSupply ?? 0;
    if (day === null || days <= 0) continue;
    const start: number = onHandUntil === null ? day : Math.max(day, onHandUntil);
    chain.push({ fillDay: day, fillDate: fill.date, previousEnd: onHandUntil, start, end: start + days });
    onHandUntil = start + days;
  }
  return chain;
}

/**
 * The refills that came late: filled more than {@link LATE_REFILL_GRACE_DAYS} days after the supply on hand
 * ran out (the fill date + days supply of the fills before it, overlapping supplies carried forward). A fill
 * on the day the supply runs out is 0 days late. Fills without a days supply are neither judged nor counted.
 */
export function lateRefills(history: DrugHistory): { date: string; daysLate: number }[] {
  const late: { date: string; daysLate: number }[] = [];
  for (const supply of supplies(history.fills)) {
    if (supply.previousEnd === null) continue;
    const daysLate = supply.fillDay - supply.previousEnd;
    if (daysLate > LATE_REFILL_GRACE_DAYS) late.push({ date: supply.fillDate, daysLate });
  }
  return late;
}

/**
 * The proportion of days covered (PDC) by the Pharmacy Quality Alliance method
 * (https://www.pqaalliance.org/adherence-measures): the days in the treatment period covered by the drug's
 * supply, divided by the days in the period. Here the measurement period is the 365 days ending `today`; the
 * treatment period runs from the index date (the first fill in the measurement period) to `today`, both
 * included. Supply from fills in the treatment period is counted with overlapping supply shifted forward (never
 * counted twice) and cut at `today`; fills before the index date are not counted. A fraction from 0 to 1 (capped
 * at 1), or null when the drug has fewer than two fills on different dates in the period, which the PQA
 * requires. Unlike the PQA's reporting measures, no minimum treatment period applies.
 */
export function proportionOfDaysCovered(history: DrugHistory, today: string): number | null {
  const now = todayNumber(today);
  const inPeriod = history.fills.filter((fill) => {
    const day = dayNumber(fill.date);
    return day !== null && day > now - 365 && day <= now;
  });
  if (new Set(inPeriod.map((fill) => fill.date)).size < 2) return null;
  const index = dayNumber(inPeriod[0]!.date)!;
  let covered = 0;
  for (const supply of supplies(inPeriod)) {
    covered += Math.max(0, Math.min(supply.end, now + 1) - Math.max(supply.start, index));
  }
  return Math.min(1, covered / (now - index + 1));
}

/** A switch between two products of the same ingredient, by {@link DrugHistory.key}, on the new one's first fill. */
export interface DrugSwitch {
  from: string;
  to: string;
  date: string;
}

/**
 * Switches: a drug whose first fill came on or after the last fill of another drug with the same ingredient
 * (compared case-insensitively) and after that drug's first fill, so the two overlap at most at the switch. When
 * several drugs qualify, the switch is from the one filled last. Oldest switch first (ties by keys).
 */
export function switches(histories: readonly DrugHistory[]): DrugSwitch[] {
  const found: DrugSwitch[] = [];
  for (const to of histories) {
    const ingredient = to.generic.toLowerCase();
    if (ingredient === '') continue;
    const from = histories
      .filter(
        (other) =>
          other.key !== to.key &&
          other.generic.toLowerCase() === ingredient &&
          other.firstFill < to.firstFill &&
          other.lastFill <= to.firstFill,
      )
      .sort((a, b) => b.lastFill.localeCompare(a.lastFill) || a.key.localeCompare(b.key))[0];
    if (from) found.push({ from: from.key, to: to.key, date: to.firstFill });
  }
  return found.sort(
    (a, b) => a.date.localeCompare(b.date) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
}

/** "Switched from X to Y", with the drugs' names (their keys when the histories do not have them). */
export function describeSwitch(change: DrugSwitch, histories: readonly DrugHistory[]): string {
  const name = (key: string) => histories.find((history) => history.key === key)?.name ?? key;
  return `Switched from ${name(change.from)} to ${name(change.to)}`;
}
