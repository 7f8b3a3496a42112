/**
 * zod schemas of the control API's request bodies (types in `control/types.ts`).
 */
import { z } from 'zod';
import { DATA_ACCESS_TYPES } from '../apps';
import { ENDPOINTS } from './types';

/** A scripted step. */
export const faultStepSchema = z.strictObject({
  status: z.number().int().min(200).max(599).optional(),
  json: z.unknown().optional(),
  body: z.string().optional(),
  contentType: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  retryAfter: z.union([z.number(), z.string()]).optional(),
  delayMs: z.number().min(0).max(600_000).optional(),
  patch: z.record(z.string(), z.unknown()).optional(),
  omit: z.array(z.string()).optional(),
  nextLink: z.string().optional(),
  truncate: z.union([z.boolean(), z.number().int().min(0)]).optional(),
  drop: z.enum(['before', 'after']).optional(),
  times: z.number().int().min(1).max(1_000_000).optional(),
});

/** The body of `PUT /__sandbox/faults/<target>`: one step, a list, or `{ steps, append }`. */
export const scriptBodySchema = z.union([
  faultStepSchema.transform((s) => ({ steps: [s], append: false })),
  z.array(faultStepSchema).transform((steps) => ({ steps, append: false })),
  z.strictObject({ steps: z.array(faultStepSchema), append: z.boolean().default(false) }),
]);

/** Script targets. */
export const scriptTargetSchema = z.enum([...ENDPOINTS, 'fhir']);

/** The body of `POST /__sandbox/settings`. */
export const settingsSchema = z.strictObject({
  accessTokenLifetime: z.number().int().min(1).max(31_536_000).optional(),
  latencyMs: z.number().min(0).max(600_000).optional(),
  endpointLatencyMs: z.partialRecord(z.enum(ENDPOINTS), z.number().min(0).max(600_000)).optional(),
  rateLimitPerSecond: z.number().int().min(1).optional(),
});

/** The body of `POST /__sandbox/clock`. */
export const clockSchema = z.strictObject({
  advanceSeconds: z.number().optional(),
  offsetSeconds: z.number().optional(),
});

/** The body of the grant operations. */
export const grantSelectorSchema = z.strictObject({
  patient: z.string().optional(),
  user: z.union([z.string(), z.number().int()]).optional(),
  clientId: z.string().optional(),
});

/** The body of `PATCH /__sandbox/apps/<clientId>`. */
export const appPatchSchema = z.strictObject({
  name: z.string().min(1).optional(),
  dataAccessType: z.enum(DATA_ACCESS_TYPES).optional(),
  active: z.boolean().optional(),
  requireDemographicScopes: z.boolean().optional(),
  redirectUris: z.array(z.url()).min(1).optional(),
  clientSecret: z.string().min(1).optional(),
});

/** The body of `POST /__sandbox/approve`. */
export const approveSchema = z.strictObject({
  authorizeUrl: z.string().min(1),
  username: z.string().optional(),
  password: z.string().optional(),
  shareDemographics: z.boolean().optional(),
  deny: z.boolean().optional(),
});
