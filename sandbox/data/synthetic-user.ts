import { CANARY, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names';
import { Rng } from './prng';
import type { SyntheticUser } from './types';
import { passwordFor, patientIdFor, usernameFor, USER_COUNT } from './users';

const JOINED_FROM = Date.UTC(2019, 0, 7);
const JOINED_SPAN_MS = 4 * 365 * 86_400_000;

/**
 * The account of synthetic user `n` (0 … 29999): credentials, patient id, name and sign-up instant.
 * Cheap: no claims are made. User 29999 is the canary "Zyx Canaryname" (issue 2, Synthetic beneficiaries).
 */
export function getUser(n: number): SyntheticUser {
  if (!Number.isInteger(n) || n < 0 || n >= USER_COUNT) throw new RangeError(`no synthetic user ${n}`);
  const rng = Rng.of(n, 'user');
  const gender = rng.chance(0.55) ? 'female' : 'male';
  const canary = n === CANARY.number;
  const givenName = canary ? CANARY.givenName : rng.pick(gender === 'female' ? FEMALE_NAMES : MALE_NAMES);
  const familyName = canary ? CANARY.familyName : rng.pick(FAMILY_NAMES);
  const joined = new Date(JOINED_FROM + Math.floor(rng.next() * JOINED_SPAN_MS));
  return {
    number: n,
    username: usernameFor(n),
    password: passwordFor(n),
    patientId: patientIdFor(n),
    givenName,
    familyName,
    middleInitial: String.fromCharCode(65 + rng.int(0, 25)),
    gender,
    email: `${givenName}.${familyName}.${String(n).padStart(5, '0')}@example.com`.toLowerCase(),
    dateJoined: joined.toISOString(),
  };
}
