/**
 * `GET /vN/connect/userinfo` (docs/blue-button.md §6): the beneficiary's name, email and FHIR id
 * (`sub` = `patient`), `iat` the account's join date. Needs the `profile` scope (403 without);
 * token errors as on the FHIR endpoints (§4).
 */
import type { RequestContext } from '../http/context';
import { drfResponse, JSON_TYPE } from '../http/responses';
import { authenticateBearer, checkGrant, drfError, permissionDenied } from '../fhir/fhir-auth';

/** Handles the userinfo endpoint. */
export async function userinfoEndpoint(ctx: RequestContext): Promise<Response> {
  const auth = authenticateBearer(ctx, JSON_TYPE);
  if (auth instanceof Response) return auth;
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    return drfError(405, `Method "${ctx.method}" not allowed.`, JSON_TYPE, { Allow: 'GET, HEAD, OPTIONS' });
  }
  const expired = checkGrant(ctx, auth, JSON_TYPE);
  if (expired) return expired;
  if (!auth.token.scopes.includes('profile')) return permissionDenied(JSON_TYPE);
  const user = (await ctx.core.beneficiaries()).user(auth.token.userNumber);
  return drfResponse(
    {
      sub: user.patientId,
      name: `${user.givenName} ${user.familyName}`,
      given_name: user.givenName,
      family_name: user.familyName,
      email: user.email,
      iat: user.dateJoined,
      patient: user.patientId,
    },
    200,
    JSON_TYPE,
  );
}
