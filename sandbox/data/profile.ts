import type { ConditionKey } from './codes/icd10';
import { FACILITY_NAMES, makeNpi, SPECIALTIES, type Specialty } from './codes/providers';
import { drawCoverage, type CoverageModel } from './coverage-model';
import { dayOf, monthOf, yearOf } from './dates';
import { demoCoverage, demoSetup, type DemoSetup } from './demo-users';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, PLACES } from './names';
import { Rng } from './prng';
import { getUser } from './synthetic-user';
import type { SyntheticUser } from './types';

/**
 * Who a synthetic beneficiary is: demographics, chronic conditions, enrolment, the doctors and
 * facilities that bill for them, and how many claims they have over the four years before the anchor
 * (issue 2: BBUser1NNNN has exactly NNNN claims, everyone else a few dozen to several hundred).
 */

/** A doctor who bills professional claims or prescribes. */
export interface Practitioner {
  npi: string;
  name: string;
  specialty: Specialty;
}

/** A facility, pharmacy or supplier. */
export interface Facility {
  npi: string;
  name: string;
  /** CMS certification number (provider number). */
  ccn: string;
}

/** The providers a beneficiary's claims name. */
export type Roster = { doctors: Practitioner[] } & Record<keyof typeof FACILITY_NAMES, Facility[]>;

/** Everything about a beneficiary except the claims themselves. */
export interface Profile {
  user: SyntheticUser;
  anchorDay: number;
  /** First and last day claims may fall on. */
  windowStart: number;
  windowEnd: number;
  birthDay: number;
  state: string;
  zip: string;
  conditions: ConditionKey[];
  coverage: CoverageModel;
  roster: Roster;
  /** Medicare Beneficiary Identifier; `S` in position 2 marks it synthetic (never a real MBI). */
  mbi: string;
  /**
   * Claims to make: exact for BBUser10000–19999; for everyone else the count of non-Part D claims is
   * drawn from it, and Part D events follow from the drug regimens.
   */
  claimCount: number;
  /** True for BBUser10000–19999, whose count is exact and spread over all eight types. */
  exactCount: boolean;
  /** What a demo user is given besides their draws (demo-users.ts). */
  demo?: DemoSetup;
}

const FOUR_YEARS = 1461;
const CONDITION_ODDS: readonly [ConditionKey, number][] = [
  ['hypertension', 0.6], ['hyperlipidemia', 0.55], ['diabetes', 0.3], ['hypothyroidism', 0.2],
  ['gerd', 0.25], ['copd', 0.12], ['afib', 0.1], ['heartFailure', 0.08], ['cad', 0.15], ['ckd', 0.12],
  ['osteoarthritis', 0.3], ['osteoporosis', 0.15], ['depression', 0.15], ['dementia', 0.06],
  ['bph', 0.3], ['sleepApnea', 0.1], ['macularDegeneration', 0.06],
];

/** The profile of user `n` for an anchor day. */
export function makeProfile(n: number, anchorDay: number): Profile {
  const user = getUser(n);
  const rng = Rng.of(n, 'profile');
  const exactCount = n >= 10_000 && n < 20_000;
  const anchorYear = yearOf(anchorDay);
  const birthDay = dayOf(anchorYear - rng.int(exactCount ? 70 : 67, 90), rng.int(1, 12), rng.int(1, 28));
  const turns65 = dayOf(yearOf(birthDay) + 65, monthOf(birthDay), 1);
  const windowStart = Math.max(anchorDay - FOUR_YEARS, turns65);
  const coverage = drawCoverage(rng, turns65, windowStart, anchorDay, {
    allowPartC: !exactCount,
    requirePartD: exactCount,
  });
  const place = rng.pick(PLACES);
  const profile: Profile = {
    user,
    anchorDay,
    windowStart,
    windowEnd: anchorDay - 8,
    birthDay,
    state: place.state,
    zip: `${place.zip3}${String(rng.int(1, 99)).padStart(2, '0')}`,
    conditions: drawConditions(rng, user.gender),
    coverage,
    roster: drawRoster(Rng.of(n, 'roster')),
    mbi: makeMbi(rng),
    claimCount: exactCount ? n - 10_000 : 30 + Math.floor(rng.next() ** 1.6 * 420),
    exactCount,
  };
  const demo = demoSetup(n);
  if (!demo) return profile;
  return {
    ...profile,
    conditions: [...new Set([...(demo.conditions ?? []), ...profile.conditions])],
    coverage: demoCoverage(demo, coverage),
    demo,
  };
}

function drawConditions(rng: Rng, gender: SyntheticUser['gender']): ConditionKey[] {
  const found = CONDITION_ODDS.filter(([key, odds]) => {
    if (key === 'bph' && gender === 'female') return false;
    return rng.chance(key === 'osteoporosis' && gender === 'female' ? odds * 2 : odds);
  }).map(([key]) => key);
  if (found.includes('diabetes') && rng.chance(0.3)) found.push('neuropathy');
  return found.length > 0 ? found : ['hypertension'];
}

function drawRoster(rng: Rng): Roster {
  const doctorName = () =>
    `${rng.pick([...FEMALE_NAMES, ...MALE_NAMES])} ${rng.pick(FAMILY_NAMES)} MD`.toUpperCase();
  const doctors = SPECIALTIES.map((specialty) => ({ npi: makeNpi(rng), name: doctorName(), specialty }));
  const facilities = (kind: keyof typeof FACILITY_NAMES, ccnBase: number, count: number): Facility[] =>
    rng.sample(FACILITY_NAMES[kind], count).map((name) => ({
      npi: makeNpi(rng),
      name,
      ccn: `${rng.int(10, 52)}${String(ccnBase + rng.int(1, 399)).padStart(4, '0')}`,
    }));
  return {
    doctors,
    hospital: facilities('hospital', 0, 2),
    snf: facilities('snf', 5000, 1),
    hha: facilities('hha', 7000, 1),
    hospice: facilities('hospice', 1500, 1),
    pharmacy: facilities('pharmacy', 0, 2),
    clinic: facilities('clinic', 3400, 1),
    dme: facilities('dme', 0, 1),
  };
}

const MBI_ALPHA = 'ACDEFGHJKMNPQRTUVWXY';
const MBI_ALNUM = `${MBI_ALPHA}0123456789`;

function makeMbi(rng: Rng): string {
  const a = () => rng.pick([...MBI_ALPHA]);
  const an = () => rng.pick([...MBI_ALNUM]);
  const d = () => String(rng.int(0, 9));
  return `${rng.int(1, 9)}S${an()}${d()}${a()}${an()}${d()}${a()}${a()}${d()}${d()}`;
}
