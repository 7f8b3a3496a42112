import type { ClaimRecord } from './claim-model';
import type { Facility, Profile } from './profile';
import type { ClaimType } from './types';

/**
 * The per-claim strings of an EOB template (`s:*` slots and references): who billed, who treated,
 * which coverage part pays. Coverage parts follow BFD's samples (fixtures/bluebutton/bfd-v*-eob-*.json
 * `insurance[].coverage.reference`), except DME, which BFD's v2 sample points at Part A by mistake.
 */

const PART: Readonly<Record<ClaimType, string>> = {
  carrier: 'b', dme: 'b', hha: 'b', hospice: 'a', inpatient: 'a', outpatient: 'b', pde: 'd', snf: 'a',
};

function facilityFor(claim: ClaimRecord, profile: Profile): Facility {
  const roster = profile.roster;
  const pool: Facility[] = {
    carrier: roster.clinic, dme: roster.dme, hha: roster.hha, hospice: roster.hospice, inpatient: roster.hospital,
    outpatient: roster.hospital, pde: roster.pharmacy, snf: roster.snf,
  }[claim.type];
  const found = pool[claim.facility % pool.length];
  if (!found) throw new Error(`no ${claim.type} facility in the roster`);
  return found;
}

/** Slot name → value for one claim. */
export function claimStrings(claim: ClaimRecord, profile: Profile): Record<string, string> {
  const { roster, user } = profile;
  const facility = facilityFor(claim, profile);
  const doctor = (i: number) => roster.doctors[i % roster.doctors.length] ?? roster.doctors[0];
  const treating = doctor(claim.doctor);
  const digits = claim.claimId.slice(1);
  return {
    id: claim.id,
    claimId: claim.claimId,
    lastUpdated: claim.lastUpdated,
    created: claim.lastUpdated,
    patientRef: `Patient/${user.patientId}`,
    coverageRef: `Coverage/part-${PART[claim.type]}-${user.patientId}`,
    's:orgName': facility.name,
    's:orgNpi': facility.npi,
    's:pharmacyName': facility.name,
    's:pharmacyNpi': facility.npi,
    's:prescriberName': doctor(0)?.name ?? '',
    's:prescriberNpi': doctor(0)?.npi ?? '',
    's:referringNpi': doctor(0)?.npi ?? '',
    's:attendingNpi': doctor(0)?.npi ?? '',
    's:performingNpi': treating?.npi ?? '',
    's:operatingNpi': doctor(4)?.npi ?? '',
    's:otherNpi': doctor(2)?.npi ?? '',
    's:controlNum': `${digits}${digits.slice(-4)}`.padEnd(14, '0'),
    's:rxRef': digits.slice(-6),
    's:planContract': profile.coverage.partDContract,
    's:spec.cms': claim.specialty.cms,
    's:spec.cmsDisplay': claim.specialty.cmsDisplay,
    's:spec.nucc': claim.specialty.nucc,
    's:spec.nuccDisplay': claim.specialty.nuccDisplay,
    's:ccn': facility.ccn,
    's:brand.code': claim.fill?.drug.brand ? 'B' : 'G',
    's:brand.display': claim.fill?.drug.brand ? 'Brand' : 'Generic Null/missing',
    's:betos.code': claim.lines[0]?.service.betos[0] ?? '',
    's:betos.display': claim.lines[0]?.service.betos[1] ?? '',
    's:state': profile.state,
    's:zip': `${profile.zip}0000`,
  };
}
