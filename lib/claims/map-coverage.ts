/**
 * Coverage (v1 / STU3 or v2 / R4) → CoveragePart, per docs/money.md "Coverage fields": the part from a
 * `class[].value` (v2) or `grouping.subPlan` (v1) such as "Part A", else from the id `part-a-…`; status and
 * period as sent; plan details from the CCW enrolment variables (https://bluebutton.cms.gov/resources/variables/).
 * https://hl7.org/fhir/R4/coverage.html, https://hl7.org/fhir/STU3/coverage.html, docs/blue-button.md §14.
 */
import { z } from 'zod';
import { codingSchema, describeIssues, periodSchema } from './fhir-common';
import type { CoveragePart, MedicarePart } from './types';

/** The Coverage fields the app reads, v1 or v2: https://hl7.org/fhir/STU3/coverage.html, https://hl7.org/fhir/R4/coverage.html */
export const coverageSchema = z.object({
  resourceType: z.literal('Coverage'),
  id: z.string().min(1),
  status: z.string().optional(),
  period: periodSchema.optional(),
  class: z.array(z.object({ value: z.string().optional() })).optional(),
  grouping: z.object({ subPlan: z.string().optional(), plan: z.string().optional() }).optional(),
  extension: z
    .array(
      z.object({
        url: z.string().optional(),
        valueCoding: codingSchema.optional(),
        valueDate: z.string().optional(),
      }),
    )
    .optional(),
});
type FhirCoverage = z.infer<typeof coverageSchema>;

/** The outcome of mapping one Coverage; `message` never holds PHI. */
export type CoverageMapping = { ok: true; coverage: CoveragePart } | { ok: false; message: string };

const PART_NAME = /^\s*part\s+([abcd])\s*$/i;
const PART_ID = /^part-([abcd])-/i;
const CONTRACT = /\/(?:ptc_cntrct_id_\d{2}|ptdcntrct\d{2})$/;
const PLAN = /\/(?:ptc_pbp_id_\d{2}|ptdpbpid\d{2})$/;
const NOT_ENROLLED = new Set(['', '0', '*', '**', 'N', 'X']);

function partOf(coverage: FhirCoverage): MedicarePart | null {
  const names = [
    ...(coverage.class ?? []).map((c) => c.value),
    coverage.grouping?.subPlan,
    coverage.grouping?.plan,
  ];
  for (const name of names) {
    const match = name === undefined ? null : PART_NAME.exec(name);
    if (match?.[1]) return match[1].toUpperCase() as MedicarePart;
  }
  const match = PART_ID.exec(coverage.id);
  return match?.[1] ? (match[1].toUpperCase() as MedicarePart) : null;
}

function distinctCodes(coverage: FhirCoverage, pattern: RegExp): string[] {
  const codes = new Set<string>();
  for (const ext of coverage.extension ?? []) {
    const code = ext.valueCoding?.code;
    if (code !== undefined && !NOT_ENROLLED.has(code) && ext.url && pattern.test(ext.url)) codes.add(code);
  }
  return [...codes];
}

function extensionBy(coverage: FhirCoverage, variable: string) {
  return coverage.extension?.find((ext) => ext.url?.endsWith(`/${variable}`));
}

/**
 * Maps one Coverage resource; a Coverage whose part cannot be told is not readable.
 * https://hl7.org/fhir/R4/coverage.html, docs/money.md "Coverage fields"
 */
export function mapCoverage(resource: unknown): CoverageMapping {
  const parsed = coverageSchema.safeParse(resource);
  if (!parsed.success) return { ok: false, message: describeIssues('Coverage', parsed.error) };
  const coverage = parsed.data;
  const part = partOf(coverage);
  if (part === null) return { ok: false, message: 'Coverage without a Medicare part' };
  const status = extensionBy(coverage, 'ms_cd')?.valueCoding;
  const year = extensionBy(coverage, 'rfrnc_yr');
  return {
    ok: true,
    coverage: {
      id: coverage.id,
      part,
      status: coverage.status ?? null,
      start: coverage.period?.start ?? null,
      end: coverage.period?.end ?? null,
      medicareStatus: status?.display ?? status?.code ?? null,
      referenceYear: year?.valueDate ?? year?.valueCoding?.code ?? null,
      contractIds: distinctCodes(coverage, CONTRACT),
      planIds: distinctCodes(coverage, PLAN),
    },
  };
}
