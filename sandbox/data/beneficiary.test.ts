import { describe, expect, it } from 'vitest';
import { buildBeneficiary } from './beneficiary';
import {
  clearBeneficiaryCache, defaultAnchor, getBeneficiary, getBeneficiaryByPatientId, getUser, getUserByPatientId,
} from './index';
import { CLAIM_TYPES, type ClaimType } from './types';

const ANCHOR = '2026-11-16';
const typesOf = (n: number) => {
  const counts = Object.fromEntries(CLAIM_TYPES.map((t) => [t, 0])) as Record<ClaimType, number>;
  for (const entry of getBeneficiary(n, { anchor: ANCHOR }).eobs) counts[entry.type] += 1;
  return counts;
};

describe('synthetic beneficiaries', () => {
  it('are deterministic: same number and anchor give byte-identical resources', () => {
    const a = buildBeneficiary(10_120, ANCHOR);
    const b = buildBeneficiary(10_120, ANCHOR);
    expect(b.eobs).toEqual(a.eobs);
    for (const entry of a.eobs.slice(0, 30)) {
      expect(b.eobJson(entry.id, 2)).toBe(a.eobJson(entry.id, 2));
      expect(b.eobJson(entry.id, 1)).toBe(a.eobJson(entry.id, 1));
    }
    expect(b.patientJson(2)).toBe(a.patientJson(2));
    expect(b.coverage(1)).toEqual(a.coverage(1));
  });

  it('change with the anchor, and default to the Monday of the current week', () => {
    const a = getBeneficiary(42, { anchor: ANCHOR });
    const b = getBeneficiary(42, { anchor: '2026-11-23' });
    expect(b.eobs.map((e) => e.serviceEnd)).not.toEqual(a.eobs.map((e) => e.serviceEnd));
    expect(defaultAnchor(new Date('2026-11-22T23:59:00Z'))).toBe('2026-11-16');
    expect(defaultAnchor(new Date('2026-11-16T00:00:00Z'))).toBe('2026-11-16');
    expect(new Date(`${defaultAnchor()}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(() => getBeneficiary(1, { anchor: '2026-13-01' })).toThrow();
  });

  it('give BBUser1NNNN exactly NNNN claims, over all eight types once NNNN ≥ 8', () => {
    expect(getBeneficiary(10_000, { anchor: ANCHOR }).eobs).toHaveLength(0);
    expect(getBeneficiary(10_001, { anchor: ANCHOR }).eobs).toHaveLength(1);
    for (const n of [10_008, 10_500, 12_000]) {
      const counts = typesOf(n);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(n - 10_000);
      for (const type of CLAIM_TYPES) expect(counts[type], `${n} ${type}`).toBeGreaterThan(0);
    }
    const big = typesOf(12_000);
    expect(big.carrier).toBeGreaterThan(big.outpatient);
    expect(big.pde).toBeGreaterThan(big.outpatient);
    expect(big.outpatient).toBeGreaterThan(big.inpatient);
  });

  it('give everyone else a few dozen to several hundred claims', () => {
    const counts = [0, 1, 2, 5, 9, 20, 21000, 29998].map((n) => getBeneficiary(n, { anchor: ANCHOR }).eobs.length);
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(30);
    for (const count of counts) expect(count).toBeLessThan(1000);
    expect(new Set(counts).size).toBeGreaterThan(4);
  });

  it('sort EOBs like BFD: unprefixed claim id as a string, then type', () => {
    const eobs = getBeneficiary(10_900, { anchor: ANCHOR }).eobs;
    const key = (e: { id: string; type: string }) => [e.id.slice(e.type.length + 1), e.type] as const;
    const sorted = [...eobs].sort((a, b) => {
      const [ka, ta] = key(a);
      const [kb, tb] = key(b);
      return ka < kb ? -1 : ka > kb ? 1 : ta < tb ? -1 : ta > tb ? 1 : 0;
    });
    expect(eobs.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    const ends = eobs.map((e) => e.serviceEnd);
    expect(ends).not.toEqual([...ends].sort());
    expect(new Set(eobs.map((e) => e.id)).size).toBe(eobs.length);
    for (const e of eobs) expect(e.id).toMatch(new RegExp(`^${e.type}--\\d{10,11}$`));
  });

  it('keep claims in the four years before the anchor, loaded before it', () => {
    for (const n of [3, 10_300]) {
      for (const e of getBeneficiary(n, { anchor: ANCHOR }).eobs) {
        expect(e.serviceEnd >= '2022-11-15' && e.serviceEnd < ANCHOR).toBe(true);
        expect(e.lastUpdated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
        expect(e.lastUpdated.slice(0, 10) > e.serviceEnd && e.lastUpdated < ANCHOR).toBe(true);
      }
    }
  });

  it('find users and beneficiaries by patient id, and name the canary', () => {
    const user = getUser(1);
    expect(user).toMatchObject({ username: 'BBUser00001', password: 'PW00001!', patientId: '-10000000000001' });
    expect(user.email).toMatch(/@example\.com$/);
    expect(user.dateJoined).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(getUserByPatientId('-10000000000001')).toEqual(user);
    expect(getBeneficiaryByPatientId('-10000000000001', { anchor: ANCHOR })?.user).toEqual(user);
    expect(getBeneficiaryByPatientId('-20140000008325')).toBeUndefined();
    expect(getUser(29_999)).toMatchObject({ givenName: 'Zyx', familyName: 'Canaryname' });
    const names = new Set([0, 1, 2, 3, 4, 5, 6, 7].map((n) => getUser(n).familyName));
    expect(names.size).toBeGreaterThan(3);
    expect(names.has('Canaryname')).toBe(false);
    expect(() => getUser(30_000)).toThrow(RangeError);
  });

  it('cache beneficiaries and rendered EOBs, and answer undefined for unknown ids', () => {
    clearBeneficiaryCache();
    const a = getBeneficiary(7, { anchor: ANCHOR });
    expect(getBeneficiary(7, { anchor: ANCHOR })).toBe(a);
    const id = a.eobs[0]?.id ?? '';
    expect(a.eobJson(id, 2)).toBe(a.eobJson(id, 2));
    expect(a.eobJson('carrier--1', 2)).toBeUndefined();
    clearBeneficiaryCache();
    expect(getBeneficiary(7, { anchor: ANCHOR })).not.toBe(a);
  });
});
