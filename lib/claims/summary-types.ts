/**
 * The summary's JSON shape, exactly as docs/money.md "Output shape" defines it: what
 * `GET /api/summary` returns and `npm run summarize` prints. Money is in dollars rounded to cents.
 */
import { z } from 'zod';
import { claimTypeSchema, medicarePartSchema, prescriptionSchema } from './types';

/** Billed, Medicare paid and you paid, in dollars rounded to cents. */
export const moneyTotalsSchema = z.object({
  billed: z.number(),
  medicarePaid: z.number(),
  youPaid: z.number(),
});
/** Money totals. */
export type MoneyTotals = z.infer<typeof moneyTotalsSchema>;

/** The claims of one type: their count and money. */
export const typeTotalsSchema = z.object({
  count: z.number().int(),
  billed: z.number(),
  medicarePaid: z.number(),
  youPaid: z.number(),
});
/** The totals of one claim type. */
export type TypeTotals = z.infer<typeof typeTotalsSchema>;

/** The claims of one service month (`YYYY-MM`). */
export const monthTotalsSchema = z.object({
  month: z.string(),
  count: z.number().int(),
  billed: z.number(),
  medicarePaid: z.number(),
  youPaid: z.number(),
});
/** The totals of one month. */
export type MonthTotals = z.infer<typeof monthTotalsSchema>;

/**
 * A prescription in the summary: the contract's fields only, without the pharmacy, the prescriber and the
 * out-of-pocket details.
 */
export const summaryPrescriptionSchema = prescriptionSchema.omit({
  pharmacy: true,
  prescriber: true,
  troop: true,
  aboveOutOfPocketThreshold: true,
});
/** A prescription in the summary. */
export type SummaryPrescription = z.infer<typeof summaryPrescriptionSchema>;

/** A Coverage in the summary: part, status and period. */
export const summaryCoverageSchema = z.object({
  part: medicarePartSchema,
  status: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});
/** A Coverage in the summary. */
export type SummaryCoverage = z.infer<typeof summaryCoverageSchema>;

/**
 * The summary. All eight claim types are always present in `claims.byType` and `byType`; `byMonth` is ascending;
 * `prescriptions` newest first; `coverage` by part, and absent when no Coverage was read.
 */
export const summarySchema = z.strictObject({
  claims: z.strictObject({ count: z.number().int(), byType: z.record(claimTypeSchema, z.number().int()) }),
  totals: moneyTotalsSchema.strict(),
  byType: z.record(claimTypeSchema, typeTotalsSchema.strict()),
  byMonth: z.array(monthTotalsSchema.strict()),
  prescriptions: z.array(summaryPrescriptionSchema.strict()),
  coverage: z.array(summaryCoverageSchema.strict()).optional(),
});
/** The summary. */
export type Summary = z.infer<typeof summarySchema>;
