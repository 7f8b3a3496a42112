/**
 * A Part D drug event (a `pde` claim) as a Prescription, per docs/money.md "Prescription fields":
 * NDC and drug name from `item[0]`'s NDC coding; days supply and refill number from `supportingInfo`
 * (`dayssupply`, `refillnum`) or, in v1 and 2020-era v2 data, from `item[0].quantity.extension`
 * (`days_suply_num`, `fill_num`); what counted toward the out-of-pocket limit per docs/money.md
 * "Part D out-of-pocket". https://bluebutton.cms.gov/resources/variables/days_suply_num
 */
import type { LineAmounts } from './ccw-lookup';
import { drugEventShares } from './claim-money';
import { codingBySystem, decimalOf, hasCode } from './fhir-common';
import type { Eob, EobItem, EobSupportingInfo } from './fhir-eob-schema';
import { eobFields, type FhirVersion } from './fhir-version';
import { facilityOf, mergeParties, providerOf } from './eob-parties';
import { fromMicros } from './money';
import type { CareTeamMember, Claim, Party, Prescription } from './types';

function fromSupportingInfo(infos: readonly EobSupportingInfo[], category: string): number | undefined {
  const info = infos.find(
    (entry) => hasCode(entry.category, category) && entry.valueQuantity?.value !== undefined,
  );
  return decimalOf(info?.valueQuantity?.value);
}

function fromQuantityExtension(item: EobItem | undefined, variable: string): number | undefined {
  const suffix = `/${variable}`;
  const ext = item?.quantity?.extension?.find(
    (e) => e.url?.endsWith(suffix) && e.valueQuantity?.value !== undefined,
  );
  return decimalOf(ext?.valueQuantity?.value);
}

function prescriberOf(careTeam: readonly CareTeamMember[]): Party | null {
  const member = careTeam.find((m) => m.role === 'prescribing') ?? careTeam.find((m) => m.role === 'primary');
  return member ? { name: member.name, npi: member.npi } : null;
}

/**
 * The prescription of a `pde` EOB already mapped to `claim` (whose money and date it reuses); `infos` are its
 * parsed `supportingInfo` (v2) or `information` (v1) entries, `lines` its items' amounts (`lineAmounts`).
 */
export function mapPrescription(
  eob: Eob,
  version: FhirVersion,
  claim: Claim,
  infos: readonly EobSupportingInfo[],
  lines: readonly LineAmounts[],
): Prescription {
  const fields = eobFields(eob, version);
  const item = eob.item?.[0];
  const ndc = codingBySystem(fields.product(item), '/sid/ndc');
  const facility = facilityOf(eob);
  const facilityParty =
    facility && (facility.name ?? facility.npi) !== null ? { name: facility.name, npi: facility.npi } : null;
  const pharmacy = mergeParties(facilityParty, providerOf(eob));
  const shares = drugEventShares(lines);
  return {
    id: claim.id,
    date: claim.serviceStart,
    ndc: ndc?.code ?? null,
    drugName: ndc?.display ?? null,
    daysSupply:
      fromSupportingInfo(infos, 'dayssupply') ?? fromQuantityExtension(item, 'days_suply_num') ?? null,
    refillNumber: fromSupportingInfo(infos, 'refillnum') ?? fromQuantityExtension(item, 'fill_num') ?? null,
    quantity: decimalOf(item?.quantity?.value) ?? null,
    totalCost: claim.billed,
    planPaid: claim.medicarePaid,
    youPaid: claim.youPaid,
    pharmacy,
    prescriber: prescriberOf(claim.careTeam),
    troop: {
      patientPaid: fromMicros(shares.patientPaid),
      otherTroop: fromMicros(shares.otherTroop),
      lowIncomeSubsidy: fromMicros(shares.lowIncomeSubsidy),
    },
    aboveOutOfPocketThreshold: fromMicros(shares.aboveOutOfPocketThreshold),
  };
}
