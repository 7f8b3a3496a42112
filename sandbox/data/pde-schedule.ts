import { DEMO_ONLY_DRUGS, PART_D_DRUGS, type PartDDrugKey } from './codes/drugs';
import type { ConditionKey } from './codes/icd10';
import { dayOf, monthOf, yearOf } from './dates';
import type { Rng } from './prng';

/**
 * When a beneficiary fills what: each chronic condition starts a regimen of one drug, refilled on
 * its days-supply cadence (30 or 90 days, usually a few days early, sometimes weeks late), with a
 * new prescription (refill number 0) once the refills run out, and some regimens stopped or switched
 * to another drug of the same class (issue 2, Synthetic beneficiaries).
 */

/** One fill before pricing. */
export interface FillDraft {
  day: number;
  drug: PartDDrugKey;
  daysSupply: number;
  refill: number;
  /** Which regimen it belongs to (stable within one beneficiary). */
  regimen: number;
}

/** Alternatives per therapy, per condition; a switch moves within one list. */
const THERAPIES: Readonly<Partial<Record<ConditionKey, readonly (readonly PartDDrugKey[])[]>>> = {
  hypertension: [['lisinopril', 'losartan'], ['amlodipine'], ['hctz']],
  hyperlipidemia: [['atorvastatin', 'rosuvastatin', 'simvastatin']],
  diabetes: [['metformin'], ['januvia', 'jardiance', 'farxiga'], ['lantus']],
  neuropathy: [['gabapentin']],
  hypothyroidism: [['levothyroxine']],
  gerd: [['omeprazole', 'pantoprazole']],
  copd: [['spiriva', 'symbicort'], ['ventolin']],
  afib: [['eliquis', 'xarelto', 'warfarin'], ['metoprolol']],
  heartFailure: [['furosemide'], ['carvedilol'], ['entresto']],
  cad: [['clopidogrel'], ['metoprolol']],
  ckd: [['losartan']],
  osteoarthritis: [['meloxicam']],
  osteoporosis: [['alendronate']],
  depression: [['sertraline', 'escitalopram']],
  dementia: [['donepezil']],
  bph: [['tamsulosin']],
};

interface Regimen {
  drug: PartDDrugKey;
  alternatives: readonly PartDDrugKey[];
  start: number;
  /** Already on it when the window opens: the first fill seen is a refill of an older prescription. */
  ongoing?: boolean;
}

/**
 * The fills between `first` and `last` (day numbers), sorted by day: every regimen of the
 * conditions run to its end, or — with a `target` — exactly that many, adding regimens or cutting
 * the last one short as needed.
 */
export function scheduleFills(rng: Rng, conditions: readonly ConditionKey[], target: number | undefined,
  first: number, lastDay: number): FillDraft[] {
  const last = Math.max(first, lastDay);
  const queue: Regimen[] = [];
  const used = new Set<PartDDrugKey>();
  for (const condition of conditions) {
    const therapies = THERAPIES[condition] ?? [];
    therapies.forEach((alternatives, i) => {
      const open = alternatives.filter((drug) => !used.has(drug));
      if (open.length > 0 && (i === 0 || rng.chance(0.45))) {
        const drug = rng.pick(open);
        used.add(drug);
        queue.push({ drug, alternatives, start: first + rng.int(0, 40), ongoing: true });
      }
    });
  }
  const fills: FillDraft[] = [];
  const allDrugs = (Object.keys(PART_D_DRUGS) as PartDDrugKey[]).filter((key) => !DEMO_ONLY_DRUGS.has(key));
  let regimen = 0;
  const limit = target ?? Infinity;
  while (fills.length < limit && (target !== undefined || queue.length > 0)) {
    const next = queue.shift() ?? newRegimen(rng, allDrugs, used, first, last);
    used.add(next.drug);
    const stopped = rng.chance(0.22) && last - next.start > 120;
    const stop = stopped ? rng.int(next.start + 60, last) : last;
    runRegimen(rng, next, stop, limit, fills, regimen++);
    const switchTo = next.alternatives.filter((drug) => !used.has(drug));
    if (stopped && switchTo.length > 0 && rng.chance(0.6)) {
      queue.unshift({ drug: rng.pick(switchTo), alternatives: next.alternatives, start: stop + rng.int(1, 6) });
    }
  }
  return fills.sort((a, b) => a.day - b.day || a.regimen - b.regimen);
}

function newRegimen(rng: Rng, all: readonly PartDDrugKey[], used: Set<PartDDrugKey>, first: number,
  last: number): Regimen {
  const fresh = all.filter((drug) => !used.has(drug));
  const drug = rng.pick(fresh.length > 0 ? fresh : all);
  return { drug, alternatives: [drug], start: rng.int(first, Math.max(first, last - 30)) };
}

function runRegimen(rng: Rng, regimen: Regimen, stop: number, target: number, fills: FillDraft[],
  id: number): void {
  const drug = PART_D_DRUGS[regimen.drug];
  const daysSupply = rng.chance(drug.ninetyDay ? 0.55 : 0.12) ? 90 : 30;
  const perPrescription = daysSupply === 90 ? 4 : 12;
  let refill = regimen.ongoing ? rng.int(0, perPrescription - 1) : 0;
  for (let day = regimen.start; day <= stop && fills.length < target;) {
    fills.push({ day, drug: regimen.drug, daysSupply, refill, regimen: id });
    refill = (refill + 1) % perPrescription;
    day += rng.chance(0.07) ? daysSupply + rng.int(8, 30) : daysSupply - rng.int(0, 4);
  }
}

/**
 * A specialty drug shipped on the first of every month from `first` to `last` (day numbers), 30 days at a
 * time: no late or skipped fills, and a new prescription every July (refill numbers 0 to 11).
 */
export function monthlyFills(drug: PartDDrugKey, first: number, last: number, regimen: number): FillDraft[] {
  const fills: FillDraft[] = [];
  const firstOf = (index: number) => dayOf(Math.floor(index / 12), (index % 12) + 1, 1);
  let index = yearOf(first) * 12 + monthOf(first) - 1;
  if (firstOf(index) < first) index += 1;
  for (let day = firstOf(index); day <= last; day = firstOf(++index)) {
    fills.push({ day, drug, daysSupply: 30, refill: (monthOf(day) + 5) % 12, regimen });
  }
  return fills;
}
