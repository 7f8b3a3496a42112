import { buildBeneficiary, clearRenderCache } from './beneficiary';
import { mondayOf, parseDay } from './dates';
import { Lru } from './lru';
import { getUser } from './synthetic-user';
import type { BeneficiaryData, SyntheticUser } from './types';
import { USER_COUNT, userNumberFromPatientId } from './users';

/**
 * The synthetic beneficiaries of the local Blue Button sandbox (issue 2, "Synthetic beneficiaries"):
 * users BBUser00000–BBUser29999, each deterministic from the user number and an anchor date, with a
 * Patient, two to four Coverage parts and EOBs of all eight claim types shaped like BFD's responses
 * (fixtures/bluebutton/). The HTTP layer passes options in; nothing here reads the environment.
 */

export { getUser } from './synthetic-user';
export { prepareEobTemplates } from './eob-render';
export * from './users';
export * from './types';

/** Options of a beneficiary look-up. */
export interface BeneficiaryOptions {
  /** The data's "today", `YYYY-MM-DD`; claims span the four years before it. Default: this week's Monday (UTC). */
  anchor?: string;
}

const cache = new Lru<string, BeneficiaryData>(8);

/** This week's Monday (UTC) as `YYYY-MM-DD`: data stays the same within a week, like the real sandbox's weekly refresh. */
export function defaultAnchor(now: Date = new Date()): string {
  return mondayOf(now);
}

/**
 * The beneficiary of user `userNumber` (0 … 29999). Same number and anchor ⇒ byte-identical
 * resources. The last few beneficiaries are kept, with the EOB JSON they rendered.
 */
export function getBeneficiary(userNumber: number, options: BeneficiaryOptions = {}): BeneficiaryData {
  if (!Number.isInteger(userNumber) || userNumber < 0 || userNumber >= USER_COUNT) {
    throw new RangeError(`no synthetic user ${userNumber}`);
  }
  const anchor = options.anchor ?? defaultAnchor();
  parseDay(anchor);
  const key = `${userNumber}|${anchor}`;
  let data = cache.get(key);
  if (!data) {
    data = buildBeneficiary(userNumber, anchor);
    cache.set(key, data);
  }
  return data;
}

/** The beneficiary whose FHIR Patient id is `patientId` (e.g. `-10000000000001`), or undefined. */
export function getBeneficiaryByPatientId(
  patientId: string,
  options: BeneficiaryOptions = {},
): BeneficiaryData | undefined {
  const n = userNumberFromPatientId(patientId);
  return n === undefined ? undefined : getBeneficiary(n, options);
}

/** The user whose FHIR Patient id is `patientId`, or undefined. Cheap: no claims are made. */
export function getUserByPatientId(patientId: string): SyntheticUser | undefined {
  const n = userNumberFromPatientId(patientId);
  return n === undefined ? undefined : getUser(n);
}

/** Forgets every cached beneficiary (tests, or a clock shift in the sandbox's fault controls). */
export function clearBeneficiaryCache(): void {
  cache.clear();
  clearRenderCache();
}
