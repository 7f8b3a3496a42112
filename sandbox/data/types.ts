/**
 * The contract between the synthetic data (sandbox/data) and the sandbox's HTTP layer.
 * Resources are handed over as serialized JSON so that a search page is assembled by
 * concatenation, the way a fast FHIR server streams stored resources.
 */

export const CLAIM_TYPES = ['carrier', 'dme', 'hha', 'hospice', 'inpatient', 'outpatient', 'pde', 'snf'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** 1 = FHIR STU3 (`/v1`), 2 = FHIR R4 (`/v2`). */
export type FhirVersion = 1 | 2;

export interface SyntheticUser {
  /** 0 … 29999 */
  number: number;
  /** `BBUser00001` */
  username: string;
  /** `PW00001!` */
  password: string;
  /** Negative FHIR id, as in CMS's synthetic data, e.g. `-10000000000001`. */
  patientId: string;
  givenName: string;
  familyName: string;
  /** One letter, the second `Patient.name[0].given`. */
  middleInitial: string;
  /** `Patient.gender`. */
  gender: 'female' | 'male';
  email: string;
  /** ISO-8601 instant with milliseconds and `Z`, used as userinfo `iat`. */
  dateJoined: string;
}

export interface EobIndexEntry {
  /** FHIR id, `<type>-<claimId>`, e.g. `carrier--10344810963`. */
  id: string;
  type: ClaimType;
  /** The claim's service end date (claim thru date; SRVC_DT for pde), `YYYY-MM-DD`: what `service-date` filters on. */
  serviceEnd: string;
  /** `meta.lastUpdated` of the resource, ISO instant: what `_lastUpdated` filters on. */
  lastUpdated: string;
}

export interface CoverageEntry {
  /** `part-a-<patientId>` … */
  id: string;
  json: string;
}

export interface BeneficiaryData {
  user: SyntheticUser;
  /** Every EOB of the beneficiary, sorted as BFD sorts them: by unprefixed claim id as a string, then by type. */
  eobs: readonly EobIndexEntry[];
  /** The serialized EOB for a version, or undefined for an id this beneficiary does not have. */
  eobJson(id: string, version: FhirVersion): string | undefined;
  /** The serialized Patient resource. */
  patientJson(version: FhirVersion): string;
  /** Two to four Coverage resources, in part order. */
  coverage(version: FhirVersion): readonly CoverageEntry[];
}
