/**
 * zod schemas for the FHIR datatypes the app reads, shared by STU3 (v1) and R4 (v2). Only the fields read are
 * declared: zod copies nothing else and checks nothing else, which keeps parsing cheap and tolerant.
 * https://hl7.org/fhir/R4/datatypes.html and https://hl7.org/fhir/STU3/datatypes.html
 */
import { z } from 'zod';
import { parseDecimal } from './money';

/**
 * A FHIR decimal: a JSON number, or a numeric string as older or hand-built data sends it. Checked here and
 * converted where read ({@link parseDecimal}), which keeps parsing free of per-value transforms.
 */
export const decimalSchema = z.custom<number | string>((value) => parseDecimal(value) !== undefined, {
  message: 'not a number',
});

/** Coding: https://hl7.org/fhir/R4/datatypes.html#Coding */
export const codingSchema = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
/** A parsed Coding. */
export type Coding = z.infer<typeof codingSchema>;

/** CodeableConcept: https://hl7.org/fhir/R4/datatypes.html#CodeableConcept */
export const codeableConceptSchema = z.object({ coding: z.array(codingSchema).optional() });
/** A parsed CodeableConcept. */
export type CodeableConcept = z.infer<typeof codeableConceptSchema>;

/**
 * A CodeableConcept read by code only: adjudication categories, benefit types and information categories, whose
 * codes are full CCW variable URLs or C4BB codes. Leaving system and display unread halves the parsing work.
 */
export const codeOnlyConceptSchema = z.object({
  coding: z.array(z.object({ code: z.string().optional() })).optional(),
});
/** A parsed code-only CodeableConcept. */
export type CodeOnlyConcept = z.infer<typeof codeOnlyConceptSchema>;

/** Money: R4 `{value, currency}` or STU3 `{value, system, code}`; only the value is read, currency may be missing. */
export const moneySchema = z.object({ value: decimalSchema.optional() });
/** A parsed Money. */
export type Money = z.infer<typeof moneySchema>;

/** Quantity: https://hl7.org/fhir/R4/datatypes.html#Quantity */
export const quantitySchema = z.object({ value: decimalSchema.optional() });

/** Period: https://hl7.org/fhir/R4/datatypes.html#Period */
export const periodSchema = z.object({ start: z.string().optional(), end: z.string().optional() });

/** Identifier: https://hl7.org/fhir/R4/datatypes.html#Identifier */
export const identifierSchema = z.object({
  system: z.string().optional(),
  value: z.string().optional(),
  type: codeOnlyConceptSchema.optional(),
});
/** A parsed Identifier. */
export type Identifier = z.infer<typeof identifierSchema>;

/** Reference: https://hl7.org/fhir/R4/references.html#Reference */
export const referenceSchema = z.object({
  reference: z.string().optional(),
  display: z.string().optional(),
  identifier: identifierSchema.optional(),
});
/** A parsed Reference. */
export type Reference = z.infer<typeof referenceSchema>;

/** An extension carrying a coded value, e.g. `clm_fac_type_cd`: https://hl7.org/fhir/R4/extensibility.html */
export const codingExtensionSchema = z.object({
  url: z.string().optional(),
  valueCoding: codingSchema.optional(),
});

/** The first coding whose system ends with `suffix`, whatever its position. */
export function codingBySystem(concept: CodeableConcept | undefined, suffix: string): Coding | undefined {
  return concept?.coding?.find((coding) => coding.system?.endsWith(suffix));
}

/** True when one of the concept's codings has exactly this code. */
export function hasCode(concept: CodeOnlyConcept | undefined, code: string): boolean {
  return concept?.coding?.some((coding) => coding.code === code) ?? false;
}

/** A decimal read by {@link decimalSchema}, as a number. */
export function decimalOf(value: number | string | undefined): number | undefined {
  return value === undefined ? undefined : parseDecimal(value);
}

function problemOf(issue: z.core.$ZodIssue | undefined): string {
  if (issue?.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue?.code === 'custom') return issue.message;
  return issue?.code.replaceAll('_', ' ') ?? 'invalid';
}

/**
 * Where zod found a problem and what kind, from the schema's own words (field names, indexes, expected types):
 * never a value from the resource, so never PHI.
 */
export function describeIssues(
  resourceType: string,
  error: z.ZodError,
  within: readonly PropertyKey[] = [],
): string {
  const issue = error.issues[0];
  const path = [...within, ...(issue?.path ?? [])].map(String).join('.');
  return `${resourceType} could not be read: ${path ? `${path}: ` : ''}${problemOf(issue)}`;
}
