/**
 * Telling a Blue Button v1 (FHIR STU3) ExplanationOfBenefit from a v2 (FHIR R4) one by its shape, for data
 * whose origin is unknown (files, caches). The fields that were renamed between the versions decide:
 * https://hl7.org/fhir/R4/explanationofbenefit-version-maps.html and docs/blue-button.md §13.6.
 */
import type { Eob } from './fhir-eob-schema';

/** `v1` = FHIR STU3 (`/v1/fhir`), `v2` = FHIR R4 (`/v2/fhir`). */
export type FhirVersion = 'v1' | 'v2';

/** The version an EOB was written in; R4 when nothing tells them apart, since v2 is the current API. */
export function detectEobVersion(eob: Eob): FhirVersion {
  let v1 = 0;
  let v2 = 0;
  if (eob.use !== undefined || eob.total !== undefined) v2 += 1;
  if (eob.supportingInfo !== undefined) v2 += 1;
  if (eob.information !== undefined) v1 += 1;
  if (eob.totalCost !== undefined || eob.organization !== undefined) v1 += 1;
  for (const item of eob.item ?? []) {
    if (item.productOrService !== undefined || item.careTeamSequence !== undefined) v2 += 1;
    if (item.service !== undefined || item.careTeamLinkId !== undefined) v1 += 1;
  }
  return v1 > v2 ? 'v1' : 'v2';
}

/** The renamed fields of an EOB, read in the order its version suggests and falling back to the other name. */
export function eobFields(eob: Eob, version: FhirVersion) {
  const supportingInfo =
    version === 'v1' ? (eob.information ?? eob.supportingInfo) : (eob.supportingInfo ?? eob.information);
  return {
    /** Raw entries: parsed with `supportingInfoSchema` only where read. */
    supportingInfo: supportingInfo ?? [],
    /** Which of the two names the entries came from, for error messages. */
    supportingInfoField: eob.supportingInfo === supportingInfo ? 'supportingInfo' : 'information',
    product: (item: NonNullable<Eob['item']>[number] | undefined) =>
      version === 'v1'
        ? (item?.service ?? item?.productOrService)
        : (item?.productOrService ?? item?.service),
  };
}
