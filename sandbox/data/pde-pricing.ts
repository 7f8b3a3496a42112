import type { Fill } from './claim-model';
import { PART_D_DRUGS } from './codes/drugs';
import { yearOf } from './dates';
import { catastrophicCoinsurance, yearlyRate } from './medicare-rates';
import type { FillDraft } from './pde-schedule';
import type { Rng } from './prng';

/**
 * Part D money per fill, in cents, the way a standard plan adjudicates a PDE (docs/blue-button.md §13.2):
 * total drug cost = plan paid + patient paid + low-income subsidy (+ other TrOOP and PLRO, zero
 * here). Generics cost a small tier copay; brand drugs are paid in full by the beneficiary until the
 * yearly Part D deductible is met, then a tier-3 copay, or 25 % coinsurance on the specialty tier.
 * Dual-eligible beneficiaries pay the LIS copay and the subsidy pays the rest of their share.
 *
 * What the beneficiary and the subsidy pay is the true out-of-pocket (TrOOP). Once a year's TrOOP reaches the
 * out-of-pocket threshold, the rest of the year's fills are in the catastrophic phase: from 2025 (the
 * out-of-pocket limit) and in 2024 the beneficiary pays nothing, before that 5 %. The gross drug cost is split
 * at the threshold into `gdc_blw_oopt_amt` and `gdc_abv_oopt_amt`
 * (https://bluebutton.cms.gov/resources/variables/gdc_abv_oopt_amt/). Drug makers' coverage-gap discounts,
 * which counted toward the threshold before 2025, are not made (`rptd_gap_dscnt_num` is 0): before 2025 the
 * threshold comes later here than it would have.
 */

const GENERIC_COPAYS = [0, 100, 300, 500, 1000];
const BRAND_COPAY = 4700;
const SPECIALTY_COINSURANCE = 0.25;
const LIS_COPAY = { generic: 450, brand: 1115 };

/** Prices fills in day order (the deductible and the out-of-pocket threshold are reached chronologically). */
export function priceFills(rng: Rng, drafts: readonly FillDraft[], lowIncome: boolean): Fill[] {
  const deductibleLeft = new Map<number, number>();
  const troopSoFar = new Map<number, number>();
  const tier = new Map<string, number>();
  return drafts.map((draft) => {
    const drug = PART_D_DRUGS[draft.drug];
    const scale = draft.daysSupply / 30;
    const totalCost = Math.max(100, Math.round(drug.cost30 * 100 * scale * rng.real(0.96, 1.04)));
    const year = yearOf(draft.day);
    let deductible = 0;
    let share: number;
    if (drug.brand) {
      const left = deductibleLeft.get(year) ?? yearlyRate('partD', year);
      deductible = Math.min(left, totalCost);
      const rest = totalCost - deductible;
      const costSharing = rest === 0 ? 0
        : drug.specialty ? Math.round(rest * SPECIALTY_COINSURANCE) : Math.round(BRAND_COPAY * scale);
      share = Math.min(totalCost, deductible + costSharing);
    } else {
      if (!tier.has(draft.drug)) tier.set(draft.drug, rng.pick(GENERIC_COPAYS));
      share = Math.min(totalCost, Math.round((tier.get(draft.drug) ?? 0) * (scale > 1 ? 2.5 : 1)));
    }
    const troop = troopSoFar.get(year) ?? 0;
    const phase = catastrophic(totalCost, deductible, share, yearlyRate('partDOutOfPocket', year) - troop,
      lowIncome ? 0 : catastrophicCoinsurance(year));
    deductibleLeft.set(year, (deductibleLeft.get(year) ?? yearlyRate('partD', year)) - phase.deductible);
    troopSoFar.set(year, troop + phase.share);
    const lisCopay = drug.brand ? LIS_COPAY.brand : LIS_COPAY.generic;
    const patientPaid = lowIncome ? Math.min(phase.share, lisCopay) : phase.share;
    return {
      drug,
      daysSupply: draft.daysSupply,
      refill: draft.refill,
      quantity: Math.round(drug.qty30 * scale * 10) / 10,
      totalCost,
      planPaid: totalCost - phase.share,
      patientPaid,
      lics: phase.share - patientPaid,
      aboveThreshold: phase.above,
      paidDay: draft.day + rng.int(9, 24),
      pharmacy: draft.daysSupply === 90 && rng.chance(0.6) ? 1 : 0,
      prescriber: 0,
    };
  });
}

/** A fill's TrOOP share, the deductible it used and the gross drug cost above the threshold, in cents. */
interface Phase {
  share: number;
  deductible: number;
  above: number;
}

/**
 * Applies the out-of-pocket threshold to a fill whose share before it would be `share` (of which `deductible`
 * is deductible), with `left` TrOOP to go before the threshold. A fill that crosses it is split where the share
 * reaches the threshold, counting the deductible first and the cost sharing spread evenly over the rest of the
 * cost; the part above is charged at `coinsurance`.
 */
function catastrophic(totalCost: number, deductible: number, share: number, left: number,
  coinsurance: number): Phase {
  if (left <= 0) return { share: Math.round(totalCost * coinsurance), deductible: 0, above: totalCost };
  if (share <= left) return { share, deductible, above: 0 };
  const below = left <= deductible
    ? left
    : Math.round(deductible + ((left - deductible) * (totalCost - deductible)) / (share - deductible));
  const above = totalCost - below;
  return { share: left + Math.round(above * coinsurance), deductible: Math.min(deductible, left), above };
}
