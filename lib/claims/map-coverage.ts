/**
 * Coverage (v1 / STU3 or v2 / R4) → CoveragePart, per docs/money.md "Coverage fields": the part from a
 * `class[].value` (v2) or `grouping.subPlan` (v1) such as "Part A", else from the id `part-a-…`; status and
 * period as sent; plan details and the months of dual eligibility and of a Part D low-income subsidy from the
 * CCW enrolment variables (https://bluebutton.cms.gov/resources/variables/).
 * https://hl7.org/fhir/R4/coverage.html, https://hl7.org/fhir/STU3/coverage.html, docs/blue-button.md §14.
 */
import { z } from 'zod';
import { codingSchema, describeIssues, periodSchema } from './fhir-common';
import type { CoverageMonth, CoveragePart, MedicarePart } from './types';

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
/** `dual_01` … `dual_12`: the month is the number. */
const DUAL = /\/dual_(0[1-9]|1[0-2])$/;
/** `cstshr01` … `cstshr12` (what BFD sends) or `cst_shr_grp_cd_01` … `_12` (the CCW long name). */
const COST_SHARING = /\/(?:cstshr|cst_shr_grp_cd_)(0[1-9]|1[0-2])$/;
/**
 * Dual status codes that mean no dual eligibility that month, from the CCW codebook (DUAL_01 … DUAL_12,
 * https://bluebutton.cms.gov/resources/variables/dual_01): `NA` non-Medicaid, `00` not in Medicare that
 * month, `**` (`XX` for 2006–2009) no Part D enrolment data; a blank code says nothing.
 */
const NOT_DUAL = new Set(['', 'NA', '00', '**', 'XX']);
/**
 * Cost-sharing group codes without a low-income subsidy that month, from the CCW codebook (CSTSHR01 …
 * CSTSHR12, https://bluebutton.cms.gov/resources/variables/cstshr01): `00` not in Medicare, `**`/`XX` no
 * Part D enrolment data, `09` Part D without a subsidy, `10`–`13` not in Part D; a blank code says nothing.
 */
const NO_SUBSIDY = new Set(['', '00', '**', 'XX', '09', '10', '11', '12', '13']);
const YEAR = /^(\d{4})/;

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
 * The months of `year` whose monthly variable (`pattern` captures the month number) has a code outside
 * `none`, oldest first. The first extension for a month decides it; without a year no month can be told.
 */
function monthlyCodes(
  coverage: FhirCoverage,
  year: string | null,
  pattern: RegExp,
  none: ReadonlySet<string>,
): CoverageMonth[] {
  const yyyy = year === null ? undefined : YEAR.exec(year)?.[1];
  if (yyyy === undefined) return [];
  const codes = new Map<string, string | null>();
  for (const ext of coverage.extension ?? []) {
    const number = ext.url === undefined ? undefined : pattern.exec(ext.url)?.[1];
    if (number === undefined || codes.has(number)) continue;
    const code = ext.valueCoding?.code?.trim() ?? '';
    codes.set(number, none.has(code.toUpperCase()) ? null : code);
  }
  return [...codes]
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([number, code]) => ({ month: `${yyyy}-${number}`, code }));
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
  const referenceYear = year?.valueDate ?? year?.valueCoding?.code ?? null;
  return {
    ok: true,
    coverage: {
      id: coverage.id,
      part,
      status: coverage.status ?? null,
      start: coverage.period?.start ?? null,
      end: coverage.period?.end ?? null,
      medicareStatus: status?.display ?? status?.code ?? null,
      referenceYear,
      contractIds: distinctCodes(coverage, CONTRACT),
      planIds: distinctCodes(coverage, PLAN),
      dualEligibility: monthlyCodes(coverage, referenceYear, DUAL, NOT_DUAL),
      costSharing: monthlyCodes(coverage, referenceYear, COST_SHARING, NO_SUBSIDY),
    },
  };
}
