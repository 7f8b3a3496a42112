import 'server-only';
import { z } from 'zod';

/**
 * The app's own token type and the parser of Blue Button's token response (RFC 6749 §5.1 plus BB2's
 * `patient` and `access_grant_expiration`, docs/blue-button.md §2.3). Rules,
 * documented for docs/reliability.md #24:
 * - `token_type` must be `Bearer` in any letter case;
 * - `expires_in` is a non-negative number or a string of digits (with an optional fraction);
 *   `expiresAt = floor(now + expires_in × 1000)`; when it is missing, {@link DEFAULT_EXPIRES_IN_SECONDS};
 * - `scope` is split on spaces (missing → no scopes); `refresh_token` missing or empty → null;
 * - `access_grant_expiration` `%Y-%m-%dT%H:%M:%SZ` (or the docs' variant with a space for `T`) in UTC;
 *   `""`, missing or unreadable → null (RESEARCH_STUDY apps have no end date);
 * - `patient` is required; `id_token` and other extra members are ignored.
 */

/** Tokens as the app keeps them (server-side only). */
export const tokenSetSchema = z.object({
  accessToken: z.string().min(1),
  /** Null when the server issued none. */
  refreshToken: z.string().min(1).nullable(),
  /** When the access token expires, epoch ms. */
  expiresAt: z.number(),
  scopes: z.array(z.string()),
  /** The beneficiary's FHIR patient id. */
  patient: z.string().min(1),
  /** When the data access grant ends, epoch ms; null when it does not or is unknown. */
  grantExpiresAt: z.number().nullable(),
});

/** Tokens as the app keeps them. */
export type TokenSet = z.infer<typeof tokenSetSchema>;

/** Lifetime assumed when a response has no `expires_in`: short, so the token is renewed early. */
export const DEFAULT_EXPIRES_IN_SECONDS = 300;

const expiresInSchema = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .pipe(z.number().nonnegative());

const vendorTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer'),
  expires_in: expiresInSchema.nullish(),
  scope: z.string().nullish(),
  refresh_token: z.string().nullish(),
  patient: z.string().min(1),
  access_grant_expiration: z.string().nullish(),
});

const GRANT_DATE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})Z$/;

/** Reads BB2's `access_grant_expiration` (`%Y-%m-%dT%H:%M:%SZ`, UTC) into epoch ms, or null. */
export function parseGrantExpiration(text: string | null | undefined): number | null {
  const match = text ? GRANT_DATE.exec(text) : null;
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  return check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
    ? ms
    : null;
}

/** Parses a token endpoint's 200 body; null when it is not a usable Bearer token response. */
export function parseTokenResponse(body: unknown, now: number): TokenSet | null {
  const parsed = vendorTokenSchema.safeParse(body);
  if (!parsed.success) return null;
  const v = parsed.data;
  const expiresIn = v.expires_in ?? DEFAULT_EXPIRES_IN_SECONDS;
  return {
    accessToken: v.access_token,
    refreshToken: v.refresh_token || null,
    expiresAt: Math.floor(now + expiresIn * 1000),
    scopes: (v.scope ?? '').split(' ').filter(Boolean),
    patient: v.patient,
    grantExpiresAt: parseGrantExpiration(v.access_grant_expiration),
  };
}
