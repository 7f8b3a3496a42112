/**
 * ExplanationOfBenefit (Blue Button v1 / STU3 or v2 / R4) → the app's Claim, and Prescription for `pde`
 * claims. Parsing is tolerant (see fhir-eob-schema.ts); money follows docs/money.md.
 * https://hl7.org/fhir/R4/explanationofbenefit.html, https://bluebutton.cms.gov/resources/codesystem/eob-type
 */
import { lineAmounts } from './ccw-lookup';
import { claimMoney, claimShares, lineMoney, partBDeductibleOf } from './claim-money';
import { eobFields, detectEobVersion, type FhirVersion } from './fhir-version';
import { codingBySystem, decimalOf, describeIssues } from './fhir-common';
import { eobSchema, supportingInfoSchema, type Eob, type EobItem } from './fhir-eob-schema';
import { careTeamOf, facilityOf, providerOf } from './eob-parties';
import { diagnosesOf, proceduresOf, serviceCodeOf } from './eob-codes';
import { mapPrescription } from './map-prescription';
import { fromMicros, type Micros } from './money';
import { serviceDatesOf } from './service-dates';
import { CLAIM_TYPES, type Claim, type ClaimLine, type ClaimType, type Prescription } from './types';

/** Why a resource gave no claim: it could not be read, or it has no Blue Button claim type. */
export type EobProblem = 'unreadable' | 'no-claim-type';

/** The outcome of mapping one EOB. `message` never holds PHI (no ids, names, codes or amounts). */
export type EobMapping =
  | { ok: true; claim: Claim; prescription: Prescription | null }
  | { ok: false; problem: EobProblem; message: string };

const CLAIM_TYPE_SET: ReadonlySet<string> = new Set(CLAIM_TYPES);

/**
 * The claim type: the `type.coding` whose system ends with `/codesystem/eob-type`, lower-cased.
 * https://bluebutton.cms.gov/resources/codesystem/eob-type
 */
export function claimTypeOf(eob: Eob): ClaimType | null {
  const code = codingBySystem(eob.type, '/codesystem/eob-type')?.code?.toLowerCase();
  return code !== undefined && CLAIM_TYPE_SET.has(code) ? (code as ClaimType) : null;
}

function dollars(micros: Micros | null): number | null {
  return micros === null ? null : fromMicros(micros);
}

const NDC_URL = 'http://hl7.org/fhir/sid/ndc';
const BETOS_URL = 'https://bluebutton.cms.gov/resources/variables/betos_cd';

/**
 * A line's revenue centre (`rev_cntr`), its BETOS category (`betos_cd`) and the drug given on it: the NDC
 * extension on the product (v2) or on the item (v1). https://bluebutton.cms.gov/resources/variables/rev_cntr
 */
function lineDetails(item: EobItem, product: EobItem['productOrService']) {
  const ndc =
    product?.extension?.find((e) => e.url === NDC_URL)?.valueCoding ??
    item.extension?.find((e) => e.url === NDC_URL)?.valueCoding;
  return {
    revenue: codingBySystem(item.revenue, '/variables/rev_cntr')?.code ?? null,
    category: item.extension?.find((e) => e.url === BETOS_URL)?.valueCoding?.display ?? null,
    ndc: ndc?.code ?? null,
    drugName: ndc?.display ?? null,
  };
}

/**
 * Maps one ExplanationOfBenefit. `version` picks which of the renamed fields is read first; when it is not
 * given it is detected from the resource's shape. https://hl7.org/fhir/R4/explanationofbenefit.html
 */
export function mapEob(resource: unknown, version?: FhirVersion): EobMapping {
  const parsed = eobSchema.safeParse(resource);
  if (!parsed.success) {
    return {
      ok: false,
      problem: 'unreadable',
      message: describeIssues('ExplanationOfBenefit', parsed.error),
    };
  }
  const eob = parsed.data;
  const type = claimTypeOf(eob);
  if (type === null) {
    return {
      ok: false,
      problem: 'no-claim-type',
      message: 'ExplanationOfBenefit without a Blue Button claim type',
    };
  }
  const fhirVersion = version ?? detectEobVersion(eob);
  const fields = eobFields(eob, fhirVersion);
  const items = eob.item ?? [];
  const amounts = items.map(lineAmounts);
  const money = claimMoney(eob, type, amounts);
  const shares = claimShares(eob, type, amounts);
  const dates = serviceDatesOf(eob);
  const lines = items.map((item, index): ClaimLine => {
    const line = lineMoney(type, amounts[index] ?? new Map());
    const product = fields.product(item);
    return {
      sequence: item.sequence ?? null,
      ...serviceCodeOf(product),
      ...lineDetails(item, product),
      date: (item.servicedDate ?? item.servicedPeriod?.start)?.slice(0, 10) ?? null,
      quantity: decimalOf(item.quantity?.value) ?? null,
      billed: dollars(line.billed),
      allowed: dollars(line.allowed),
      medicarePaid: dollars(line.medicarePaid),
      youPaid: dollars(line.youPaid),
    };
  });
  const claim: Claim = {
    id: eob.id,
    type,
    status: eob.status ?? null,
    serviceStart: dates.start,
    serviceEnd: dates.end,
    month: dates.month,
    billed: fromMicros(money.billed),
    medicarePaid: fromMicros(money.medicarePaid),
    youPaid: fromMicros(money.youPaid),
    partBDeductible: fromMicros(partBDeductibleOf(eob, type, amounts)),
    allowed: dollars(shares.allowed),
    deductible: fromMicros(shares.deductible),
    coinsurance: fromMicros(shares.coinsurance),
    bloodDeductible: fromMicros(shares.blood),
    provider: providerOf(eob),
    facility: facilityOf(eob),
    careTeam: careTeamOf(eob),
    diagnoses: diagnosesOf(eob),
    procedures: proceduresOf(eob),
    lines,
  };
  if (type !== 'pde') return { ok: true, claim, prescription: null };
  const infos = supportingInfoSchema.safeParse(fields.supportingInfo);
  if (!infos.success) {
    const message = describeIssues('ExplanationOfBenefit', infos.error, [fields.supportingInfoField]);
    return { ok: false, problem: 'unreadable', message };
  }
  return { ok: true, claim, prescription: mapPrescription(eob, fhirVersion, claim, infos.data, amounts) };
}
