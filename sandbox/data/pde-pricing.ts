import type { Fill } from './claim-model';
import { PART_D_DRUGS } from './codes/drugs';
import { yearOf } from './dates';
import { yearlyRate } from './medicare-rates';
import type { FillDraft } from './pde-schedule';
import type { Rng } from './prng';

/**
 * Part D money per fill, in cents, the way a standard plan adjudicates a PDE (docs/blue-button.md §13.2):
 * total drug cost = plan paid + patient paid + low-income subsidy (+ other TrOOP and PLRO, zero
 * here). Generics cost a small tier copay; brand drugs are paid in full by the beneficiary until the
 * yearly Part D deductible is met, then a tier-3 copay. Dual-eligible beneficiaries pay the LIS copay
 * and the subsidy pays the rest of their share.
 */

const GENERIC_COPAYS = [0, 100, 300, 500, 1000];
const BRAND_COPAY = 4700;
const LIS_COPAY = { generic: 450, brand: 1115 };

/** Prices fills in day order (the deductible is consumed chronologically). */
export function priceFills(rng: Rng, drafts: readonly FillDraft[], lowIncome: boolean): Fill[] {
  const deductibleLeft = new Map<number, number>();
  const tier = new Map<string, number>();
  return drafts.map((draft) => {
    const drug = PART_D_DRUGS[draft.drug];
    const scale = draft.daysSupply / 30;
    const totalCost = Math.max(100, Math.round(drug.cost30 * 100 * scale * rng.real(0.96, 1.04)));
    const year = yearOf(draft.day);
    let share: number;
    if (drug.brand) {
      const left = deductibleLeft.get(year) ?? yearlyRate('partD', year);
      const deductible = Math.min(left, totalCost);
      deductibleLeft.set(year, left - deductible);
      share = Math.min(totalCost, deductible + (deductible < totalCost ? Math.round(BRAND_COPAY * scale) : 0));
    } else {
      if (!tier.has(draft.drug)) tier.set(draft.drug, rng.pick(GENERIC_COPAYS));
      share = Math.min(totalCost, Math.round((tier.get(draft.drug) ?? 0) * (scale > 1 ? 2.5 : 1)));
    }
    const lisCopay = drug.brand ? LIS_COPAY.brand : LIS_COPAY.generic;
    const patientPaid = lowIncome ? Math.min(share, lisCopay) : share;
    return {
      drug,
      daysSupply: draft.daysSupply,
      refill: draft.refill,
      quantity: Math.round(drug.qty30 * scale * 10) / 10,
      totalCost,
      planPaid: totalCost - share,
      patientPaid,
      lics: share - patientPaid,
      paidDay: draft.day + rng.int(9, 24),
      pharmacy: draft.daysSupply === 90 && rng.chance(0.6) ? 1 : 0,
      prescriber: 0,
    };
  });
}
