import { markTree, type SampleSpan } from './eob-marking';
import { eobSample, type Json } from './samples';
import { compile, slot, type Template } from './template';
import type { ClaimType, FhirVersion } from './types';

/**
 * The EOB templates of one claim type and FHIR version, cut from BFD's own read response for that
 * type (fixtures/bluebutton/bfd-v<version>-eob-<type>.json): the claim with its `item` array as one
 * slot, and the item template(s) every line is rendered from, with and without the line NDC.
 */
export interface EobTemplates {
  claim: Template;
  line: Template;
  /** The same line carrying the drug NDC extension, when the sample line has one. */
  drugLine?: Template;
  /** The sample's diagnosis roles, by position (principal, admitting, other, external, reason). */
  diagnosisRoles: readonly string[];
}

const IGNORED = 'IGNORED_FIELD';
/** Placeholder HCPCS modifiers in the samples, and real Level II modifiers in their place. */
const MODIFIERS: Readonly<Record<string, string>> = { YY: 'NU', XX: 'GP', Q9999: 'GV' };
const SAMPLE_PATIENT = /^Patient\/567834$/;
const SAMPLE_COVERAGE = /^Coverage\/part-[abcd]-567834$/;

/** Builds the templates of a type and version from the sample. */
export function buildEobTemplates(type: ClaimType, version: FhirVersion): EobTemplates {
  const eob = eobSample(type, version);
  const period = eob.billablePeriod as { start: string; end: string };
  const span: SampleSpan = { start: period.start, end: period.end };
  fixIgnoredIds(eob);
  eob.id = slot('id');
  (eob.meta as Json).lastUpdated = slot('lastUpdated');
  if ('created' in eob) eob.created = slot('created');
  (eob.billablePeriod as Json).start = slot('date:start');
  (eob.billablePeriod as Json).end = slot('date:end');
  const payment = eob.payment as Json | undefined;
  if (payment?.date) payment.date = slot('date:paid');
  if (payment?.amount) (payment.amount as Json).value = slot('m:payment');
  for (const identifier of eob.identifier as Json[]) {
    if (/\/(clm_id|pde_id)$/.test(String(identifier.system))) identifier.value = slot('claimId');
  }
  const diagnosisRoles = ((eob.diagnosis ?? []) as Json[]).map((entry, i) => {
    const concept = entry.diagnosisCodeableConcept as Json | undefined;
    if (!concept) return 'none';
    const role = diagnosisRole(entry);
    concept.coding = slot(`dx:${i}:${role}`);
    return role;
  });
  // The samples list up to six unrelated procedures; a claim here has its principal one (and one more for a stay).
  if (Array.isArray(eob.procedure)) eob.procedure = eob.procedure.slice(0, type === 'inpatient' ? 2 : 1);
  ((eob.procedure ?? []) as Json[]).forEach((entry, i) => {
    (entry.procedureCodeableConcept as Json).coding = slot(`px:${i}`);
    entry.date = slot(`pxdate:${i}`);
  });
  markQuantities((eob.supportingInfo ?? []) as Json[]);
  const item = (eob.item as Json[])[0];
  if (!item) throw new Error(`sample ${type} v${version} has no item`);
  eob.item = slot('items');
  replaceStrings(eob);
  markTree(eob, span, false);
  const lines = lineTemplates(item, span, type === 'pde');
  return { claim: compile(eob), ...lines, diagnosisRoles };
}

function diagnosisRole(entry: Json): string {
  const codes = ((entry.type ?? []) as Json[]).flatMap((t) => ((t.coding ?? []) as Json[]).map((c) => c.code));
  if (codes.includes('principal')) return 'principal';
  if (codes.includes('admitting')) return 'admitting';
  if (codes.some((code) => /^external/.test(String(code)))) return 'external';
  if (codes.includes('patientreasonforvisit') || codes.includes('reason-for-visit')) return 'reason';
  return 'other';
}

function lineTemplates(item: Json, span: SampleSpan, pde: boolean): Omit<EobTemplates, 'claim' | 'diagnosisRoles'> {
  item.sequence = slot('seq');
  const quantity = item.quantity as Json | undefined;
  if (quantity) {
    quantity.value = slot(pde ? 'q:quantity' : 'units');
    markQuantities((quantity.extension ?? []) as Json[]);
  }
  const product = (item.productOrService ?? item.service) as Json;
  for (const coding of product.coding as Json[]) {
    const system = String(coding.system);
    if (system.endsWith('/sid/ndc')) {
      coding.code = slot('ndc:code');
      coding.display = slot('ndc:display');
    } else if (/\/(hcpcs|hcpcs_cd)$/.test(system)) {
      const index = (product.coding as Json[]).indexOf(coding);
      (product.coding as unknown[])[index] = slot(`hcpcs|${system}|${String(coding.version ?? '')}`);
    }
  }
  for (const modifier of (item.modifier ?? []) as Json[]) {
    for (const coding of (modifier.coding ?? []) as Json[]) {
      const fixed = MODIFIERS[String(coding.code)];
      if (fixed && String(coding.system).endsWith('/hcpcs')) coding.code = fixed;
    }
  }
  const revenue = (item.revenue as Json | undefined)?.coding as Json[] | undefined;
  for (const coding of revenue ?? []) {
    if (String(coding.system).endsWith('/rev_cntr')) {
      coding.code = slot('rev:code');
      coding.display = slot('rev:display');
    }
  }
  if ((item.locationAddress as Json | undefined)?.state) (item.locationAddress as Json).state = slot('s:state');
  replaceStrings(item);
  markTree(item, span, true);
  const owner = item.extension && findNdc(item.extension as Json[]) ? item : product;
  const ndc = findNdc((owner.extension ?? []) as Json[]);
  if (!ndc || pde) return { line: compile(item) };
  ndc.code = slot('ndc:code');
  ndc.display = slot('ndc:display');
  const drugLine = compile(item);
  const rest = (owner.extension as Json[]).filter((ext) => !String(ext.url).endsWith('/sid/ndc'));
  if (rest.length > 0) owner.extension = rest;
  else delete owner.extension;
  return { line: compile(item), drugLine };
}

function findNdc(extensions: Json[]): Json | undefined {
  return extensions.find((ext) => String(ext.url).endsWith('/sid/ndc'))?.valueCoding as Json | undefined;
}

/** Days supply and refill number: v2 supportingInfo (C4BB) or v1 `item.quantity.extension` (§13.4). */
function markQuantities(entries: Json[]): void {
  for (const entry of entries) {
    const codes = (((entry.category as Json | undefined)?.coding ?? []) as Json[]).map((c) => c.code);
    const url = String(entry.url ?? '');
    const target = entry.valueQuantity as Json | undefined;
    if (!target) continue;
    if (codes.includes('refillnum') || url.endsWith('/fill_num')) target.value = slot('q:refill');
    if (codes.includes('dayssupply') || url.endsWith('/days_suply_num')) target.value = slot('q:daysSupply');
  }
}

function fixIgnoredIds(eob: Json): void {
  for (const contained of (eob.contained ?? []) as Json[]) {
    if (contained.id !== IGNORED) continue;
    contained.id = contained.resourceType === 'ReferralRequest' ? 'referral-1' : 'line-observation-1';
  }
  const referral = eob.referral as Json | undefined;
  if (referral?.reference === IGNORED) referral.reference = '#referral-1';
}

function replaceStrings(node: Json): void {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') {
      if (SAMPLE_PATIENT.test(value)) node[key] = slot('patientRef');
      else if (SAMPLE_COVERAGE.test(value)) node[key] = slot('coverageRef');
      else if (value === IGNORED && key === 'reference') node[key] = '#line-observation-1';
    } else if (value && typeof value === 'object') {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object') replaceStrings(child as Json);
      }
    }
  }
}
