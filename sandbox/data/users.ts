import type { SyntheticUser } from './types';

/** Synthetic users are BBUser00000 … BBUser29999 with passwords PW00000! … PW29999!. */
export const USER_COUNT = 30_000;

const USERNAME = /^BBUser(\d{5})$/;
const PATIENT_BASE = 10_000_000_000_000;

export function userNumberFromUsername(username: string): number | undefined {
  const match = USERNAME.exec(username.trim());
  if (!match?.[1]) return undefined;
  const n = Number(match[1]);
  return n < USER_COUNT ? n : undefined;
}

export function usernameFor(n: number): string {
  return `BBUser${String(n).padStart(5, '0')}`;
}

export function passwordFor(n: number): string {
  return `PW${String(n).padStart(5, '0')}!`;
}

export function patientIdFor(n: number): string {
  return `-${PATIENT_BASE + n}`;
}

export function userNumberFromPatientId(patientId: string): number | undefined {
  if (!/^-\d{14}$/.test(patientId)) return undefined;
  const n = -Number(patientId) - PATIENT_BASE;
  return Number.isInteger(n) && n >= 0 && n < USER_COUNT ? n : undefined;
}

/** Constant-time-ish credential check; the sandbox only needs it to be exact. */
export function checkCredentials(username: string, password: string): number | undefined {
  const n = userNumberFromUsername(username);
  if (n === undefined) return undefined;
  return password === passwordFor(n) ? n : undefined;
}

export type { SyntheticUser };
