/**
 * Who is on a claim: the billing provider, the facility or pharmacy, and the care team, with names and NPIs
 * where the claim carries them. v2 institutional claims point `provider` at a contained Organization; v1 puts
 * the organization in `organization`. https://hl7.org/fhir/R4/explanationofbenefit.html,
 * docs/blue-button.md §13.4–13.5.
 */
import type { CodeableConcept, Identifier, Reference } from './fhir-common';
import { containedPartySchema, type Eob } from './fhir-eob-schema';
import type { CareTeamMember, Facility, Party } from './types';

const FACILITY_KINDS = ['/clm_fac_type_cd', '/phrmcy_srvc_type_cd'];

function npiOf(identifier: Identifier | undefined): string | null {
  const value = identifier?.value;
  if (!value) return null;
  const system = identifier.system;
  if (system !== undefined && (system.endsWith('/us-npi') || system.endsWith('/carr_clm_blg_npi_num')))
    return value;
  for (const coding of identifier.type?.coding ?? []) {
    if (coding.code === 'npi' || coding.code === 'NPI') return value;
  }
  return null;
}

function containedParty(eob: Eob, reference: string | undefined): Party | null {
  if (!reference?.startsWith('#')) return null;
  const id = reference.slice(1);
  for (const resource of eob.contained ?? []) {
    const parsed = containedPartySchema.safeParse(resource);
    if (!parsed.success || parsed.data.id !== id) continue;
    const { name, identifier } = parsed.data;
    const text = typeof name === 'string' ? name : (name?.[0]?.text ?? name?.[0]?.family);
    const npi = (identifier ?? []).map(npiOf).find((value) => value !== null) ?? null;
    return { name: text ?? null, npi };
  }
  return null;
}

function partyOf(eob: Eob, reference: Reference | undefined): Party | null {
  if (!reference) return null;
  const contained = containedParty(eob, reference.reference);
  const name = reference.display ?? contained?.name ?? null;
  const npi = npiOf(reference.identifier) ?? contained?.npi ?? null;
  return name === null && npi === null ? null : { name, npi };
}

/** The first party's name and NPI, each completed from the second's when missing. */
export function mergeParties(first: Party | null, second: Party | null): Party | null {
  if (!first || !second) return first ?? second;
  return { name: first.name ?? second.name, npi: first.npi ?? second.npi };
}

/** The billing provider: `provider` (resolving a contained Organization), completed by v1 `organization`. */
export function providerOf(eob: Eob): Party | null {
  return mergeParties(partyOf(eob, eob.provider), partyOf(eob, eob.organization));
}

/** The facility (or pharmacy), with its kind from the `clm_fac_type_cd` / `phrmcy_srvc_type_cd` extension. */
export function facilityOf(eob: Eob): Facility | null {
  const party = partyOf(eob, eob.facility);
  const kindCoding = eob.facility?.extension?.find((ext) => FACILITY_KINDS.some((s) => ext.url?.endsWith(s)));
  const kind = kindCoding?.valueCoding?.display ?? kindCoding?.valueCoding?.code ?? null;
  if (!party && kind === null) return null;
  return { name: party?.name ?? null, npi: party?.npi ?? null, kind };
}

function roleOf(role: CodeableConcept | undefined): string | null {
  let fallback: string | null = null;
  for (const coding of role?.coding ?? []) {
    if (!coding.code) continue;
    if (coding.system?.toLowerCase().endsWith('/claimcareteamrole')) return coding.code;
    fallback ??= coding.code;
  }
  return fallback;
}

/**
 * The care team members that have a name or an NPI, with their role code (`claimcareteamrole` or C4BB).
 * https://hl7.org/fhir/R4/explanationofbenefit-definitions.html#ExplanationOfBenefit.careTeam
 */
export function careTeamOf(eob: Eob): CareTeamMember[] {
  const members: CareTeamMember[] = [];
  for (const member of eob.careTeam ?? []) {
    const party = partyOf(eob, member.provider);
    if (!party) continue;
    members.push({
      name: party.name,
      npi: party.npi,
      sequence: member.sequence ?? null,
      role: roleOf(member.role),
    });
  }
  return members;
}
