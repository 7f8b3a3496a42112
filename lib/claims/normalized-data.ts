/**
 * The result of normalizing a beneficiary's Blue Button resources: what the data layer caches per session and
 * what every page, route and summary reads. See normalize.ts and docs/money.md.
 */
import { z } from 'zod';
import { claimSchema, coveragePartSchema, prescriptionSchema, profileSchema } from './types';

/** Resources that were read but are not counted: repeated ids, EOBs without a claim type, other resources. */
export const skippedCountsSchema = z.object({
  duplicates: z.number().int(),
  withoutClaimType: z.number().int(),
  otherResources: z.number().int(),
});
/** Counts of skipped resources. */
export type SkippedCounts = z.infer<typeof skippedCountsSchema>;

/**
 * Normalized data: claims and prescriptions in the order first seen, one entry per Coverage, the profile when
 * a Patient was read, and `unreadable`, the number of resources that could not be read ("N claims couldn't be
 * read").
 */
export const normalizedDataSchema = z.object({
  claims: z.array(claimSchema),
  prescriptions: z.array(prescriptionSchema),
  coverage: z.array(coveragePartSchema),
  profile: profileSchema.optional(),
  unreadable: z.number().int(),
  skipped: skippedCountsSchema,
});
/** Normalized data. */
export type NormalizedData = z.infer<typeof normalizedDataSchema>;
