/**
 * Display texts of the monthly enrolment codes BFD writes on Patient and Coverage (CCW Master
 * Beneficiary Summary File codebook; the values seen in fixtures/bluebutton/bfd-v2-coverage-search-bundle.json).
 */

/** `dual_NN`: Medicare–Medicaid dual eligibility status. */
export const DUAL_STATUS: Readonly<Record<string, string>> = {
  NA: 'Non-Medicaid',
  '00': 'Not enrolled in Medicare for the month',
  '01': 'Qualified Medicare Beneficiary (QMB)-only',
  '02': 'QMB and full Medicaid coverage, including prescription drugs',
  '03': 'Specified Low-Income Medicare Beneficiary (SLMB)-only',
  '04': 'SLMB and full Medicaid coverage, including prescription drugs',
  '06': 'Qualifying individuals (QI)',
  '08': 'Other dual eligible (not QMB, SLMB, QWDI, or QI) with full Medicaid coverage, including prescription Drugs',
};

/** `cstshrNN`: Part D low-income cost-sharing group. */
export const COST_SHARE: Readonly<Record<string, string>> = {
  '00': 'Not Medicare enrolled for the month',
  '02': 'Beneficiary enrolled in Parts A and/or B, and Part D; deemed eligible for LIS with 100% premium subsidy and low copayment',
  '03': 'Beneficiary enrolled in Parts A and/or B, and Part D; deemed eligible for LIS with 100% premium subsidy and high copayment',
  '09': 'Beneficiary enrolled in Parts A and/or B, and Part D; no premium or cost sharing subsidy',
};

/** `buyinNN`: state buy-in of Part A/B premiums. */
export const BUY_IN: Readonly<Record<string, string>> = {
  '3': 'Part A and Part B',
  C: 'Part A and Part B state buy-in',
};

/** `hmo_ind_NN`: Medicare Advantage (HMO) membership. */
export const HMO: Readonly<Record<string, string>> = {
  '0': 'Not a member of an HMO',
  C: 'Lock-in, GHO to process all provider claims',
};

/** Full duals get the low LIS copay, partial duals the high one (deemed LIS groups). */
export function costShareFor(dual: string): string {
  if (dual === 'NA' || dual === '00') return '09';
  return ['02', '04', '08'].includes(dual) ? '02' : '03';
}
