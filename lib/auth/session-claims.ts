import 'server-only';
import { z } from 'zod';

/**
 * What the encrypted session cookie carries: the opaque id of the server-side session and display fields.
 * Never a token, never the patient id.
 */
export const sessionClaimsSchema = z.object({
  sid: z.string().min(32),
  name: z.string().optional(),
  /** The beneficiary shared demographics (Patient and their name). */
  demographics: z.boolean(),
  /** Coverage and claims were granted. */
  coverage: z.boolean(),
  claims: z.boolean(),
  /** Sign-in time, epoch ms. */
  authTime: z.number(),
});
/** The claims in the session cookie. */
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** Which parts of Medicare data a set of granted scopes covers. */
export function grantedData(scopes: readonly string[]) {
  const has = (resource: string) => scopes.some((s) => s.startsWith(`patient/${resource}.`));
  return { demographics: has('Patient'), coverage: has('Coverage'), claims: has('ExplanationOfBenefit') };
}
