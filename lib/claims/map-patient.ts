/**
 * Patient (v1 / STU3 or v2 / R4) → Profile: name, birth date, gender, state and ZIP code. BB2 sends only the
 * state and postal code of the address, and nothing at all when the beneficiary declined to share
 * demographics. https://hl7.org/fhir/R4/patient.html, docs/blue-button.md §14.
 */
import { z } from 'zod';
import { describeIssues } from './fhir-common';
import type { Profile } from './types';

const humanNameSchema = z.object({
  use: z.string().optional(),
  text: z.string().optional(),
  family: z.union([z.string(), z.array(z.string())]).optional(),
  given: z.array(z.string()).optional(),
});

/** The Patient fields the app reads, v1 or v2: https://hl7.org/fhir/R4/patient.html */
export const patientSchema = z.object({
  resourceType: z.literal('Patient'),
  id: z.string().min(1),
  name: z.array(humanNameSchema).optional(),
  gender: z.string().optional(),
  birthDate: z.string().optional(),
  address: z.array(z.object({ state: z.string().optional(), postalCode: z.string().optional() })).optional(),
});

/** The outcome of mapping one Patient; `message` never holds PHI. */
export type PatientMapping = { ok: true; profile: Profile } | { ok: false; message: string };

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Maps one Patient resource; the `usual` or `official` name is preferred over others.
 * https://hl7.org/fhir/R4/datatypes.html#HumanName
 */
export function mapPatient(resource: unknown): PatientMapping {
  const parsed = patientSchema.safeParse(resource);
  if (!parsed.success) return { ok: false, message: describeIssues('Patient', parsed.error) };
  const patient = parsed.data;
  const names = patient.name ?? [];
  const name = names.find((n) => n.use === 'usual' || n.use === 'official') ?? names[0];
  const given = blankToUndefined(name?.given?.join(' '));
  const family = blankToUndefined(Array.isArray(name?.family) ? name.family.join(' ') : name?.family);
  const full = blankToUndefined(name?.text) ?? blankToUndefined([given, family].filter(Boolean).join(' '));
  const address = patient.address?.find((a) => a.state || a.postalCode);
  const profile: Profile = { id: patient.id };
  if (full) profile.name = full;
  if (given) profile.given = given;
  if (family) profile.family = family;
  if (patient.birthDate) profile.birthDate = patient.birthDate;
  if (patient.gender) profile.gender = patient.gender;
  if (address?.state) profile.state = address.state;
  if (address?.postalCode) profile.zip = address.postalCode;
  return { ok: true, profile };
}
