import { service, type Service } from './codes/hcpcs';
import type { ConditionKey } from './codes/icd10';
import type { Rng } from './prng';
import type { ClaimType } from './types';

/**
 * What is on the lines of a claim: encounter recipes per claim type, as HCPCS codes (and revenue
 * centers for institutional claims). Professional, DME and outpatient recipes always include the
 * drug or vaccine line whose NDC the BFD sample line carries (fixtures/bluebutton/bfd-v*-eob-carrier,
 * -dme, -outpatient: `productOrService.extension[ndc]`).
 */

/** A line before pricing. */
export interface LineDraft {
  service: Service;
  revenue?: string;
  units: number;
}

/** The lines of one claim and which roster doctor (by specialty code) billed it. */
export interface Encounter {
  lines: LineDraft[];
  specialty: string;
}

type Recipe = { weight: (conditions: readonly ConditionKey[]) => number; specialty: string; codes: string[][] };

const has = (key: ConditionKey) => (conditions: readonly ConditionKey[]) => conditions.includes(key);
const always = (weight: number) => () => weight;
const whenOr = (key: ConditionKey, yes: number, no: number) => (c: readonly ConditionKey[]) =>
  (has(key)(c) ? yes : no);

const PRIMARY = '11';
const VISITS = ['99213', '99214', '99215'];
const LABS = ['36415', '80053', '85025', '83036', '80061'];

const CARRIER: readonly Recipe[] = [
  { weight: always(3), specialty: PRIMARY, codes: [VISITS, ['G0008'], ['90662']] },
  { weight: always(2), specialty: PRIMARY, codes: [VISITS, ['96372'], ['J3420']] },
  { weight: whenOr('osteoarthritis', 3, 0.5), specialty: '20', codes: [['99213'], ['20610'], ['J3301', 'J1030']] },
  { weight: always(1.5), specialty: '08', codes: [['G0439'], ['G0009'], ['90732']] },
  { weight: whenOr('osteoporosis', 2, 0), specialty: PRIMARY, codes: [['99213'], ['96372'], ['J0897']] },
  { weight: whenOr('macularDegeneration', 3, 0), specialty: '18', codes: [['92014'], ['67028'], ['J0178']] },
];

const DME: readonly Recipe[] = [
  { weight: whenOr('copd', 3, 1), specialty: PRIMARY, codes: [['J7613'], ['A7003']] },
  { weight: whenOr('diabetes', 3, 0.2), specialty: PRIMARY, codes: [['J1817'], ['A4224']] },
];

const OUTPATIENT: readonly Recipe[] = [
  { weight: always(3), specialty: PRIMARY, codes: [['0450:99284'], ['0636:J7030']] },
  { weight: always(2), specialty: PRIMARY, codes: [['0510:G0463'], ['0636:J1100', '0636:J3301']] },
  { weight: whenOr('ckd', 2, 0.5), specialty: PRIMARY, codes: [['0260:96365'], ['0636:J1756']] },
  { weight: always(1), specialty: PRIMARY, codes: [['0350:74177'], ['0636:J7030']] },
];

const INSTITUTIONAL: Readonly<Partial<Record<ClaimType, readonly string[][]>>> = {
  inpatient: [['0300:80053'], ['0300:85025', '0320:71046'], ['0410:94640', '0420:97110', '0730:93005']],
  snf: [['0420:97110'], ['0430:97530'], ['0300:85025']],
  hha: [['0551:G0299'], ['0421:G0151', '0431:G0152', '0571:G0156']],
  hospice: [['0651:Q5001'], ['0551:G0299', '0561:G0155']],
};

const OPTIONAL_EXTRAS: Readonly<Partial<Record<ClaimType, readonly string[]>>> = {
  carrier: [...LABS, '93000', 'G2211'],
  dme: ['E0570', 'E0143', 'A7030'],
  outpatient: ['0300:80053', '0320:71046', '0730:93005', '0300:85025'],
  inpatient: ['0360:27447', '0278:C1776'],
};

/** Draws the lines of a claim of `type` for a beneficiary with `conditions`. */
export function drawEncounter(rng: Rng, type: ClaimType, conditions: readonly ConditionKey[]): Encounter {
  const recipes = type === 'carrier' ? CARRIER : type === 'dme' ? DME : type === 'outpatient' ? OUTPATIENT : null;
  let codes: string[];
  let specialty = PRIMARY;
  if (recipes) {
    const recipe = recipes[rng.weighted(recipeWeights(recipes, conditions))] ?? recipes[0];
    if (!recipe) throw new Error(`no recipe for ${type}`);
    codes = recipe.codes.map((choices) => rng.pick(choices));
    specialty = recipe.specialty;
  } else {
    codes = (INSTITUTIONAL[type] ?? []).map((choices) => rng.pick(choices));
  }
  const extras = (OPTIONAL_EXTRAS[type] ?? []).filter((code) => code !== 'A7030' || conditions.includes('sleepApnea'));
  const extraCount = rng.weighted([5, 3, 2, 1]);
  for (const extra of rng.sample(extras, extraCount)) if (!codes.includes(extra)) codes.push(extra);
  return { lines: codes.map(toLine), specialty };
}

const weightCache = new WeakMap<readonly ConditionKey[], Map<readonly Recipe[], number[]>>();

function recipeWeights(recipes: readonly Recipe[], conditions: readonly ConditionKey[]): number[] {
  let byRecipes = weightCache.get(conditions);
  if (!byRecipes) weightCache.set(conditions, (byRecipes = new Map()));
  let weights = byRecipes.get(recipes);
  if (!weights) byRecipes.set(recipes, (weights = recipes.map((r) => r.weight(conditions))));
  return weights;
}

const drafts = new Map<string, LineDraft>();

/** `"0450:99284"` or `"99213"` as a (shared, never mutated) line draft. */
function toLine(spec: string): LineDraft {
  let draft = drafts.get(spec);
  if (!draft) {
    const [revenue, code] = spec.includes(':') ? spec.split(':') : [undefined, spec];
    const found = service(code ?? spec);
    draft = Object.freeze({ service: found, revenue, units: found.units ?? 1 });
    drafts.set(spec, draft);
  }
  return draft;
}
