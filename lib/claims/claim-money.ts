/**
 * What a claim billed, what Medicare (or the Part D plan) paid and what the beneficiary paid, exactly as
 * docs/money.md "Money per claim" defines them, by CCW variable
 * (https://bluebutton.cms.gov/resources/variables/), plus the same three amounts per claim line.
 */
import { amountMicros, claimValue, claimValues, lineSum, lineValue, type LineAmounts } from './ccw-lookup';
import type { Eob } from './fhir-eob-schema';
import type { Micros } from './money';
import type { ClaimType } from './types';

/** A claim's contract money, in micro-dollars. */
export interface ClaimMoney {
  billed: Micros;
  medicarePaid: Micros;
  youPaid: Micros;
}

const INPATIENT_YOU_PAID = [
  'nch_bene_ip_ddctbl_amt',
  'nch_bene_pta_coinsrnc_lblty_amt',
  'nch_bene_blood_ddctbl_lblty_am',
];
const OUTPATIENT_YOU_PAID = [
  'nch_bene_ptb_ddctbl_amt',
  'nch_bene_ptb_coinsrnc_amt',
  'nch_bene_blood_ddctbl_lblty_am',
];
const CARRIER_YOU_PAID = ['line_bene_ptb_ddctbl_amt', 'line_coinsrnc_amt'];
const PDE_PLAN_PAID = ['cvrd_d_plan_pd_amt', 'ncvrd_plan_pd_amt'];

function institutionalBilled(eob: Eob): Micros {
  return claimValue(eob, 'clm_tot_chrg_amt') ?? amountMicros(eob.totalCost) ?? 0;
}

function paymentAmount(eob: Eob): Micros {
  return amountMicros(eob.payment?.amount) ?? 0;
}

/**
 * The contract's billed / medicarePaid / youPaid for one claim; `lines` are its items' amounts.
 * docs/money.md "Money per claim".
 */
export function claimMoney(eob: Eob, type: ClaimType, lines: readonly LineAmounts[]): ClaimMoney {
  switch (type) {
    case 'inpatient':
    case 'snf':
      return {
        billed: institutionalBilled(eob),
        medicarePaid: paymentAmount(eob),
        youPaid: claimValues(eob, INPATIENT_YOU_PAID),
      };
    case 'outpatient':
      return {
        billed: institutionalBilled(eob),
        medicarePaid: paymentAmount(eob),
        youPaid: claimValues(eob, OUTPATIENT_YOU_PAID),
      };
    case 'hha':
    case 'hospice':
      return { billed: institutionalBilled(eob), medicarePaid: paymentAmount(eob), youPaid: 0 };
    case 'carrier':
    case 'dme':
      return {
        billed: claimValue(eob, 'nch_carr_clm_sbmtd_chrg_amt') ?? lineSum(lines, ['line_sbmtd_chrg_amt']),
        medicarePaid: paymentAmount(eob),
        youPaid: lineSum(lines, CARRIER_YOU_PAID),
      };
    case 'pde':
      return {
        billed: lineSum(lines, ['tot_rx_cst_amt']),
        medicarePaid: lineSum(lines, PDE_PLAN_PAID),
        youPaid: lineSum(lines, ['ptnt_pay_amt']),
      };
  }
}

/** How what the beneficiary may owe on a claim breaks down, and what Medicare allowed, in micro-dollars. */
export interface ClaimShares {
  /** The Medicare-approved amount: the sum of the lines' `line_alowd_chrg_amt` (carrier and DME); null elsewhere. */
  allowed: Micros | null;
  /** Part A (`nch_bene_ip_ddctbl_amt`) or Part B deductible applied by the claim. */
  deductible: Micros;
  /** Coinsurance: `nch_bene_pta_coinsrnc_lblty_amt`, `nch_bene_ptb_coinsrnc_amt` or the lines' `line_coinsrnc_amt`. */
  coinsurance: Micros;
  /** The blood deductible, `nch_bene_blood_ddctbl_lblty_am`. */
  blood: Micros;
}

/**
 * The parts of {@link claimMoney}'s `youPaid` (deductible + coinsurance + blood deductible, except for drug
 * events, whose `ptnt_pay_amt` is one amount) and the allowed amount. docs/money.md "Money per claim".
 */
export function claimShares(eob: Eob, type: ClaimType, lines: readonly LineAmounts[]): ClaimShares {
  const none = { allowed: null, deductible: 0, coinsurance: 0, blood: 0 };
  switch (type) {
    case 'inpatient':
    case 'snf':
      return {
        ...none,
        deductible: claimValue(eob, 'nch_bene_ip_ddctbl_amt') ?? 0,
        coinsurance: claimValue(eob, 'nch_bene_pta_coinsrnc_lblty_amt') ?? 0,
        blood: claimValue(eob, 'nch_bene_blood_ddctbl_lblty_am') ?? 0,
      };
    case 'outpatient':
      return {
        ...none,
        deductible: claimValue(eob, 'nch_bene_ptb_ddctbl_amt') ?? 0,
        coinsurance: claimValue(eob, 'nch_bene_ptb_coinsrnc_amt') ?? 0,
        blood: claimValue(eob, 'nch_bene_blood_ddctbl_lblty_am') ?? 0,
      };
    case 'carrier':
    case 'dme': {
      const allowed = lines.some((line) => lineValue(line, ['line_alowd_chrg_amt']) !== null)
        ? lineSum(lines, ['line_alowd_chrg_amt'])
        : null;
      return {
        ...none,
        allowed,
        deductible: lineSum(lines, ['line_bene_ptb_ddctbl_amt']),
        coinsurance: lineSum(lines, ['line_coinsrnc_amt']),
      };
    }
    default:
      return none;
  }
}

/**
 * What the claim applied to the Part B deductible, per docs/money.md "Part B deductible": carrier and DME line
 * sum `line_bene_ptb_ddctbl_amt`, outpatient claim value `nch_bene_ptb_ddctbl_amt`, 0 for other types.
 * https://bluebutton.cms.gov/resources/variables/line_bene_ptb_ddctbl_amt
 */
export function partBDeductibleOf(eob: Eob, type: ClaimType, lines: readonly LineAmounts[]): Micros {
  switch (type) {
    case 'carrier':
    case 'dme':
      return lineSum(lines, ['line_bene_ptb_ddctbl_amt']);
    case 'outpatient':
      return claimValue(eob, 'nch_bene_ptb_ddctbl_amt') ?? 0;
    default:
      return 0;
  }
}

/** A drug event's out-of-pocket amounts, in micro-dollars. */
export interface DrugEventShares {
  patientPaid: Micros;
  otherTroop: Micros;
  lowIncomeSubsidy: Micros;
  aboveOutOfPocketThreshold: Micros;
}

/**
 * A drug event's amounts that count toward the Part D out-of-pocket limit (line sums `ptnt_pay_amt`,
 * `othr_troop_amt`, `lics_amt`) and its gross drug cost above the threshold (`gdc_abv_oopt_amt`).
 * docs/money.md "Part D out-of-pocket".
 */
export function drugEventShares(lines: readonly LineAmounts[]): DrugEventShares {
  return {
    patientPaid: lineSum(lines, ['ptnt_pay_amt']),
    otherTroop: lineSum(lines, ['othr_troop_amt']),
    lowIncomeSubsidy: lineSum(lines, ['lics_amt']),
    aboveOutOfPocketThreshold: lineSum(lines, ['gdc_abv_oopt_amt']),
  };
}

/** A line's money, in micro-dollars; null where the line does not carry the amount. */
export interface LineMoney {
  billed: Micros | null;
  allowed: Micros | null;
  medicarePaid: Micros | null;
  youPaid: Micros | null;
}

type LineVariables = Record<keyof LineMoney, readonly string[]>;

const PROFESSIONAL_LINE: LineVariables = {
  billed: ['line_sbmtd_chrg_amt'],
  allowed: ['line_alowd_chrg_amt'],
  medicarePaid: ['line_nch_pmt_amt'],
  youPaid: CARRIER_YOU_PAID,
};
const REVENUE_LINE: LineVariables = {
  billed: ['rev_cntr_tot_chrg_amt'],
  allowed: [],
  medicarePaid: ['rev_cntr_pmt_amt_amt'],
  youPaid: ['rev_cntr_ptnt_rspnsblty_pmt'],
};
const PDE_LINE: LineVariables = {
  billed: ['tot_rx_cst_amt'],
  allowed: [],
  medicarePaid: PDE_PLAN_PAID,
  youPaid: ['ptnt_pay_amt'],
};

/**
 * A line's money. Carrier and DME lines: submitted, allowed, Medicare payment, deductible + coinsurance.
 * Institutional revenue lines: total charge, revenue center payment, patient responsibility.
 * Drug events: total drug cost, plan paid, patient pay. https://bluebutton.cms.gov/resources/variables/
 */
export function lineMoney(type: ClaimType, amounts: LineAmounts): LineMoney {
  const variables =
    type === 'carrier' || type === 'dme' ? PROFESSIONAL_LINE : type === 'pde' ? PDE_LINE : REVENUE_LINE;
  return {
    billed: lineValue(amounts, variables.billed),
    allowed: lineValue(amounts, variables.allowed),
    medicarePaid: lineValue(amounts, variables.medicarePaid),
    youPaid: lineValue(amounts, variables.youPaid),
  };
}
