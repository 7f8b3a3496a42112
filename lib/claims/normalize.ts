/**
 * Normalizing Blue Button resources into the app's types, once: Bundles are unwrapped, the same resource id is
 * counted once (overlapping pages, repeated files), a resource that cannot be read is counted and reported
 * without PHI instead of sinking the rest, and resources other than ExplanationOfBenefit, Coverage and Patient
 * are skipped. See docs/money.md and https://hl7.org/fhir/R4/bundle.html
 */
import { malformedBundle } from './errors';
import type { FhirVersion } from './fhir-version';
import { isRecord } from '../json';
import { mapCoverage } from './map-coverage';
import { mapEob } from './map-eob';
import { mapPatient } from './map-patient';
import type { NormalizedData } from './normalized-data';
import type { Claim, CoveragePart, Prescription, Profile } from './types';

/** A resource that was not counted, described without PHI (resource type and structure only). */
export interface NormalizeIssue {
  problem: 'unreadable' | 'no-claim-type';
  resourceType: string;
  message: string;
}

/** Options of {@link normalize} and {@link createNormalizer}. */
export interface NormalizeOptions {
  /** The API version the resources came from; detected per resource when not given. */
  version?: FhirVersion;
  /** Told about every resource that was not counted; no PHI is passed. Default: nobody is told. */
  onIssue?: (issue: NormalizeIssue) => void;
}

/** Normalizes resources as they arrive (page by page), so raw pages need not be kept. */
export interface Normalizer {
  /** Adds a resource or a Bundle of them; throws `medicare_unreadable` for a Bundle whose `entry` is not an array. */
  add(input: unknown): void;
  /** Adds a search page, which must be a Bundle: anything else is `medicare_unreadable`. */
  addBundle(page: unknown): void;
  /** The data normalized so far. */
  result(): NormalizedData;
  /** How many claims have been normalized so far. */
  claimCount(): number;
}

/**
 * The resources of a FHIR Bundle (`entry[].resource`); an entry without a resource yields `undefined`, which
 * normalizing counts as unreadable. Throws `medicare_unreadable` when the page is not a Bundle object or its
 * `entry` is not an array. A Bundle without `entry` (an empty search) has no resources.
 */
export function bundleResources(page: unknown): unknown[] {
  const entries = checkBundle(page).entry ?? [];
  return entries.map((entry: unknown) => (isRecord(entry) ? entry.resource : undefined));
}

/** A FHIR Bundle as far as this app reads one: an object with `resourceType: Bundle` and an `entry` array if any. */
export type BundleObject = Record<string, unknown> & { entry?: unknown[] };

/** `page` as a {@link BundleObject}; else `medicare_unreadable` naming what is wrong (never its values). */
export function checkBundle(page: unknown): BundleObject {
  if (!isRecord(page)) throw malformedBundle('it is not a JSON object');
  if (page.resourceType !== 'Bundle') throw malformedBundle('its resourceType is not Bundle');
  if (page.entry !== undefined && !Array.isArray(page.entry))
    throw malformedBundle('its entry is not an array');
  return page as BundleObject;
}

/** A normalizer that accumulates resources added one at a time or a Bundle at a time. */
export function createNormalizer(options: NormalizeOptions = {}): Normalizer {
  const claims: Claim[] = [];
  const prescriptions: Prescription[] = [];
  const coverage: CoveragePart[] = [];
  let profile: Profile | undefined;
  const seen = new Set<string>();
  const skipped = { duplicates: 0, withoutClaimType: 0, otherResources: 0 };
  let unreadable = 0;

  function report(problem: NormalizeIssue['problem'], resourceType: string, message: string) {
    if (problem === 'unreadable') unreadable += 1;
    else skipped.withoutClaimType += 1;
    options.onIssue?.({ problem, resourceType, message });
  }

  function isRepeat(resourceType: string, id: unknown): boolean {
    if (typeof id !== 'string') return false;
    const key = `${resourceType}/${id}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  }

  function addResource(resource: unknown) {
    if (!isRecord(resource) || typeof resource.resourceType !== 'string') {
      report('unreadable', 'unknown', 'A resource without a resourceType could not be read');
      return;
    }
    const { resourceType } = resource;
    if (resourceType === 'Bundle') return add(resource);
    if (
      resourceType !== 'ExplanationOfBenefit' &&
      resourceType !== 'Coverage' &&
      resourceType !== 'Patient'
    ) {
      skipped.otherResources += 1;
      return;
    }
    if (isRepeat(resourceType, resource.id)) {
      skipped.duplicates += 1;
      return;
    }
    if (resourceType === 'ExplanationOfBenefit') {
      const mapped = mapEob(resource, options.version);
      if (!mapped.ok) return report(mapped.problem, resourceType, mapped.message);
      claims.push(mapped.claim);
      if (mapped.prescription) prescriptions.push(mapped.prescription);
    } else if (resourceType === 'Coverage') {
      const mapped = mapCoverage(resource);
      if (!mapped.ok) return report('unreadable', resourceType, mapped.message);
      coverage.push(mapped.coverage);
    } else {
      const mapped = mapPatient(resource);
      if (!mapped.ok) return report('unreadable', resourceType, mapped.message);
      profile ??= mapped.profile;
    }
  }

  function add(input: unknown): void {
    if (isRecord(input) && input.resourceType === 'Bundle') bundleResources(input).forEach(addResource);
    else addResource(input);
  }

  return {
    add,
    addBundle: (page) => bundleResources(page).forEach(addResource),
    claimCount: () => claims.length,
    result: () => ({
      claims: [...claims],
      prescriptions: [...prescriptions],
      coverage: [...coverage],
      ...(profile ? { profile } : {}),
      unreadable,
      skipped: { ...skipped },
    }),
  };
}

/**
 * Normalizes resources and Bundles of them into claims, prescriptions, coverage and the profile. Throws
 * `medicare_unreadable` for a Bundle whose `entry` is not an array; any other bad resource is counted.
 */
export function normalize(resources: readonly unknown[], options: NormalizeOptions = {}): NormalizedData {
  const normalizer = createNormalizer(options);
  for (const resource of resources) normalizer.add(resource);
  return normalizer.result();
}
