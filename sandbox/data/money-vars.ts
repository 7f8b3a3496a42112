import type { ClaimLine, ClaimRecord } from './claim-model';
import type { ClaimType } from './types';

/**
 * The value of every CCW money variable a BFD sample carries, per claim type, from a claim record
 * (cents). Claim-level variables sit in `total`, `benefitBalance` or v1 `extension[].valueMoney`;
 * line-level ones in `item[].adjudication` (docs/blue-button.md §13.2). Every variable a template slot
 * names must be listed here: binding a template fails on an unknown one.
 */

/** Variable name → cents. */
export type MoneyVars = Record<string, number>;

const sum = (lines: readonly ClaimLine[], pick: (line: ClaimLine) => number) =>
  lines.reduce((total, line) => total + pick(line), 0);

/** Claim-level money of a claim. */
export function claimMoney(claim: ClaimRecord): MoneyVars {
  if (claim.fill) return { zero: 0, prpayamt: 0, tot_rx_cst_amt: claim.fill.totalCost };
  const lines = claim.lines;
  const charges = sum(lines, (l) => l.charge);
  const paid = sum(lines, (l) => l.paid);
  if (claim.type === 'carrier' || claim.type === 'dme') {
    return {
      zero: 0, prpayamt: 0, payment: paid, clm_tot_chrg_amt: 0, nch_carr_clm_sbmtd_chrg_amt: charges,
      nch_carr_clm_alowd_amt: sum(lines, (l) => l.allowed), carr_clm_cash_ddctbl_apld_amt: sum(lines, (l) => l.deductible),
      nch_clm_prvdr_pmt_amt: paid, nch_clm_bene_pmt_amt: 0,
    };
  }
  if (claim.type === 'outpatient') {
    return {
      zero: 0, prpayamt: 0, payment: paid, clm_tot_chrg_amt: charges, nch_bene_ptb_ddctbl_amt: sum(lines, (l) => l.deductible),
      nch_bene_ptb_coinsrnc_amt: sum(lines, (l) => l.coinsurance), clm_op_prvdr_pmt_amt: paid, clm_op_bene_pmt_amt: 0,
      nch_bene_blood_ddctbl_lblty_am: 0, nch_profnl_cmpnt_chrg_amt: 0,
    };
  }
  const money = claim.institutional;
  if (!money) throw new Error(`claim ${claim.id} has no institutional money`);
  const capital = Math.round(money.allowed * 0.08);
  const fsp = Math.round(capital * 0.86);
  const ime = Math.round(capital * 0.09);
  return {
    zero: 0, prpayamt: 0, payment: money.paid, clm_tot_chrg_amt: charges,
    nch_bene_ip_ddctbl_amt: money.deductible, nch_bene_pta_coinsrnc_lblty_amt: money.coinsurance,
    nch_bene_blood_ddctbl_lblty_am: 0, nch_ip_ncvrd_chrg_amt: 0, nch_ip_tot_ddctn_amt: money.deductible + money.coinsurance,
    nch_profnl_cmpnt_chrg_amt: 0, clm_pass_thru_per_diem_amt: 0, nch_drg_outlier_aprvd_pmt_amt: 0,
    clm_tot_pps_cptl_amt: capital, clm_pps_cptl_fsp_amt: fsp, clm_pps_cptl_ime_amt: ime,
    clm_pps_cptl_dsprprtnt_shr_amt: capital - fsp - ime, clm_pps_cptl_excptn_amt: 0, clm_pps_cptl_outlier_amt: 0,
    clm_pps_old_cptl_hld_hrmls_amt: 0, ime_op_clm_val_amt: Math.round(money.allowed * 0.04),
    dsh_op_clm_val_amt: Math.round(money.allowed * 0.03), clm_uncompd_care_pmt_amt: Math.round(money.allowed * 0.02),
  };
}

/** Line-level money of one line (or of the single PDE "line"). */
export function lineMoney(type: ClaimType, claim: ClaimRecord, line: ClaimLine | undefined): MoneyVars {
  const fill = claim.fill;
  if (fill) {
    return {
      zero: 0, cvrd_d_plan_pd_amt: fill.planPaid, gdc_blw_oopt_amt: fill.totalCost - fill.aboveThreshold,
      gdc_abv_oopt_amt: fill.aboveThreshold,
      ptnt_pay_amt: fill.patientPaid, othr_troop_amt: 0, lics_amt: fill.lics, plro_amt: 0,
      tot_rx_cst_amt: fill.totalCost, rptd_gap_dscnt_num: 0,
    };
  }
  if (!line) return {};
  const rate = Math.round(line.charge / Math.max(1, line.units));
  if (type === 'carrier' || type === 'dme') {
    return {
      line_sbmtd_chrg_amt: line.charge, line_alowd_chrg_amt: line.allowed, line_bene_ptb_ddctbl_amt: line.deductible,
      line_coinsrnc_amt: line.coinsurance, line_nch_pmt_amt: line.paid, line_prvdr_pmt_amt: line.paid,
      line_bene_pmt_amt: 0, line_bene_prmry_pyr_pd_amt: 0, line_prmry_alowd_chrg_amt: 0,
      line_dme_prchs_price_amt: line.allowed, rev_cntr_prvdr_pmt_amt: line.paid,
    };
  }
  return {
    rev_cntr_tot_chrg_amt: line.charge, rev_cntr_rate_amt: rate, rev_cntr_ncvrd_chrg_amt: 0,
    rev_cntr_blood_ddctbl_amt: 0, rev_cntr_cash_ddctbl_amt: line.deductible,
    rev_cntr_coinsrnc_wge_adjstd_c: line.coinsurance, rev_cntr_rdcd_coinsrnc_amt: 0, rev_cntr_1st_msp_pd_amt: 0,
    rev_cntr_2nd_msp_pd_amt: 0, rev_cntr_prvdr_pmt_amt: line.paid, rev_cntr_bene_pmt_amt: 0,
    rev_cntr_ptnt_rspnsblty_pmt: line.deductible + line.coinsurance, rev_cntr_pmt_amt_amt: line.paid,
  };
}

/** Formats cents as a FHIR decimal (`12.5`, `0`, `1234.56`). */
export function formatMoney(cents: number): string {
  return String(cents / 100);
}
