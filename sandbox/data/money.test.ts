import { describe, expect, it } from 'vitest';
import { getBeneficiary } from './index';
import {
  claimType,
  claimValue,
  contractMoney,
  lineSum,
  prescription,
  type LooseJson,
} from './readers.test-support';

// Money the way docs/money.md reads it, checked for internal consistency (issue 2).
const ANCHOR = '2026-11-16';
const cents = (n: number) => Math.round(n * 100);
// Public CMS amounts, dollars (Part B / Part A deductible by year).
const PART_B: Record<number, number> = { 2022: 233, 2023: 226, 2024: 240, 2025: 257, 2026: 283 };
const PART_A: Record<number, number> = { 2022: 1556, 2023: 1600, 2024: 1632, 2025: 1676, 2026: 1736 };

type Eob = LooseJson;
const eobsOf = (n: number, version: 1 | 2 = 2, limit = Infinity, types?: readonly string[]): Eob[] => {
  const b = getBeneficiary(n, { anchor: ANCHOR });
  return b.eobs.filter((e) => !types || types.includes(e.type)).slice(0, limit)
    .map((e) => JSON.parse(b.eobJson(e.id, version) ?? 'null') as Eob);
};
const lines = (eob: Eob, name: string) =>
  (eob.item as LooseJson[]).map((item) => (item.adjudication as LooseJson[])
    .filter((a) => a.amount && a.category.coding.some((c: LooseJson) => String(c.code).endsWith(`/${name}`)))
    .reduce((sum, a) => sum + Number(a.amount.value), 0));

describe('claim money', () => {
  it('is consistent on every claim: billed ≥ allowed ≥ paid, cost share = deductible + coinsurance', () => {
    let checked = 0;
    for (let n = 0; n < 30; n++) {
      for (const eob of eobsOf(n, 2, 45)) {
        checked++;
        const type = claimType(eob);
        const money = contractMoney(eob);
        for (const value of Object.values(money)) expect(value).toBeGreaterThanOrEqual(0);
        expect(cents(money.billed)).toBeGreaterThanOrEqual(cents(money.medicarePaid + money.youPaid));
        if (type === 'carrier' || type === 'dme') {
          const allowed = claimValue(eob, 'nch_carr_clm_alowd_amt') ?? -1;
          expect(cents(money.billed)).toBeGreaterThanOrEqual(cents(allowed));
          expect(cents(allowed)).toBeGreaterThanOrEqual(cents(money.medicarePaid));
          expect(cents(allowed)).toBe(cents(money.medicarePaid + money.youPaid));
          expect(cents(money.billed)).toBe(cents(lineSum(eob, 'line_sbmtd_chrg_amt')));
          expect(cents(claimValue(eob, 'carr_clm_cash_ddctbl_apld_amt') ?? -1)).toBe(cents(lineSum(eob, 'line_bene_ptb_ddctbl_amt')));
          const allowedLines = lines(eob, 'line_alowd_chrg_amt');
          const deductibles = lines(eob, 'line_bene_ptb_ddctbl_amt');
          lines(eob, 'line_coinsrnc_amt').forEach((coins, i) => {
            expect(Math.abs(cents(coins) - cents(((allowedLines[i] ?? 0) - (deductibles[i] ?? 0)) * 0.2))).toBeLessThanOrEqual(1);
          });
        } else if (type === 'outpatient') {
          expect(cents(money.youPaid)).toBe(cents(lineSum(eob, 'rev_cntr_cash_ddctbl_amt') + lineSum(eob, 'rev_cntr_coinsrnc_wge_adjstd_c')));
          expect(cents(lineSum(eob, 'rev_cntr_ptnt_rspnsblty_pmt'))).toBe(cents(money.youPaid));
          expect(cents(lineSum(eob, 'rev_cntr_pmt_amt_amt'))).toBe(cents(money.medicarePaid));
        } else if (type === 'inpatient' || type === 'snf') {
          expect(cents(claimValue(eob, 'nch_ip_tot_ddctn_amt') ?? -1)).toBe(cents(money.youPaid));
          expect(cents(money.billed)).toBe(cents(lineSum(eob, 'rev_cntr_tot_chrg_amt')));
        } else if (type === 'pde') {
          const parts = ['cvrd_d_plan_pd_amt', 'ptnt_pay_amt', 'lics_amt', 'othr_troop_amt', 'plro_amt', 'ncvrd_plan_pd_amt'];
          expect(cents(parts.reduce((sum, name) => sum + lineSum(eob, name), 0))).toBe(cents(money.billed));
          expect(cents(lineSum(eob, 'gdc_blw_oopt_amt') + lineSum(eob, 'gdc_abv_oopt_amt'))).toBe(cents(money.billed));
          expect(money.youPaid).toBeLessThanOrEqual(money.billed);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('reads the same in v1 and v2 for the same claim', () => {
    for (const n of [10_080, 5, 6]) {
      const v1 = eobsOf(n, 1);
      const v2 = eobsOf(n, 2);
      v2.forEach((eob, i) => {
        const other = v1[i] as Eob;
        expect(other.id).toBe(eob.id);
        expect(contractMoney(other)).toEqual(contractMoney(eob));
        if (claimType(eob) === 'pde') expect(prescription(other)).toEqual(prescription(eob));
      });
    }
  });

  it('applies the yearly Part B deductible once, to the first claims of the year', () => {
    for (const n of [10_600, 11, 12]) {
      const byYear = new Map<number, { day: string; deductible: number; allowed: number }[]>();
      for (const eob of eobsOf(n, 2, Infinity, ['carrier', 'dme', 'outpatient'])) {
        const type = claimType(eob);
        const deductible = type === 'outpatient' ? claimValue(eob, 'nch_bene_ptb_ddctbl_amt') ?? 0 : lineSum(eob, 'line_bene_ptb_ddctbl_amt');
        const allowed = type === 'outpatient'
          ? lineSum(eob, 'rev_cntr_pmt_amt_amt') + lineSum(eob, 'rev_cntr_ptnt_rspnsblty_pmt')
          : claimValue(eob, 'nch_carr_clm_alowd_amt') ?? 0;
        const day = String(eob.billablePeriod.start);
        const year = Number(day.slice(0, 4));
        byYear.set(year, [...(byYear.get(year) ?? []), { day, deductible, allowed }]);
      }
      for (const [year, claims] of byYear) {
        const rate = cents(PART_B[year] ?? NaN);
        const total = cents(claims.reduce((s, c) => s + c.deductible, 0));
        const allowed = cents(claims.reduce((s, c) => s + c.allowed, 0));
        expect(total, `${n} ${year}`).toBe(Math.min(rate, allowed));
        claims.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
        let running = 0;
        let metOn: string | undefined;
        for (const claim of claims) {
          if (metOn !== undefined && claim.day > metOn) expect(claim.deductible).toBe(0);
          running += cents(claim.deductible);
          if (running === rate && metOn === undefined) metOn = claim.day;
          if (metOn === undefined) expect(cents(claim.deductible)).toBe(cents(claim.allowed));
        }
      }
    }
  });

  it('applies the Part A deductible to the first inpatient stay of a year only', () => {
    let stays = 0;
    for (const n of [10_900, 11_500]) {
      const seen = new Map<number, string>();
      const inpatient = eobsOf(n, 2, Infinity, ['inpatient'])
        .sort((a, b) => (a.billablePeriod.start < b.billablePeriod.start ? -1 : 1));
      for (const eob of inpatient) {
        stays++;
        const year = Number(String(eob.billablePeriod.start).slice(0, 4));
        const deductible = claimValue(eob, 'nch_bene_ip_ddctbl_amt') ?? 0;
        if (!seen.has(year)) {
          expect(cents(deductible)).toBe(cents(PART_A[year] ?? NaN));
          seen.set(year, eob.id as string);
        } else {
          expect(deductible).toBe(0);
        }
      }
    }
    expect(stays).toBeGreaterThan(4);
  });
});
