import { readFileSync } from 'node:fs';
import type { ClaimType, FhirVersion } from './types';

/**
 * The real CMS samples shipped in `fixtures/bluebutton/` (BFD's own test responses, see SOURCES.md):
 * the shapes every synthetic resource is cut from. Read once, lazily, relative to this module.
 */

/** A parsed JSON object. */
export type Json = Record<string, unknown>;

const FIXTURES = new URL('../../fixtures/bluebutton/', import.meta.url);
const cache = new Map<string, Json>();

/** A sample file parsed (a fresh deep copy each call, so callers may edit it). */
export function loadSample(file: string): Json {
  let parsed = cache.get(file);
  if (!parsed) {
    parsed = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Json;
    cache.set(file, parsed);
  }
  return structuredClone(parsed);
}

/** The EOB read sample of a claim type: `bfd-v<version>-eob-<type>.json`. */
export function eobSample(type: ClaimType, version: FhirVersion): Json {
  return loadSample(`bfd-v${version}-eob-${type}.json`);
}

/** The Patient read sample of a version. */
export function patientSample(version: FhirVersion): Json {
  return loadSample(`bfd-v${version}-patient.json`);
}

/** The Coverage resources of the coverage search sample of a version, in part order A, B, C, D. */
export function coverageSamples(version: FhirVersion): Json[] {
  const bundle = loadSample(`bfd-v${version}-coverage-search-bundle.json`);
  const entries = (bundle.entry ?? []) as { resource: Json }[];
  return entries.map((entry) => entry.resource);
}
