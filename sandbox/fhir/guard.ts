/**
 * The checks every FHIR view runs before it fetches anything, in the real order
 * (docs/blue-button.md §1, §3–§5, §8, §10): content negotiation (406), authentication (400/401), method
 * (405), beneficiary match on searches (403), grant timeout (401), scope (403), throttle (429).
 */
import type { RequestContext } from '../http/context';
import type { ResourceType } from '../oauth/scopes';
import { scopeAllows } from '../oauth/scopes';
import { patientIdFor } from '../data/users';
import { FHIR_JSON_TYPE, drfResponse } from '../http/responses';
import {
  authenticateBearer,
  checkGrant,
  drfError,
  permissionDenied,
  throttle,
  type BearerAuth,
} from './fhir-auth';
import { negotiateFhirType } from './negotiate';

/** A request that passed the checks. */
export interface GuardedRequest {
  auth: BearerAuth;
  contentType: string;
  /** `X-RateLimit-*` headers for the response. */
  headers: Record<string, string>;
  /** The token's beneficiary as a FHIR patient id. */
  patientId: string;
}

const ALLOWED = 'GET, HEAD, OPTIONS';

function searchMismatch(ctx: RequestContext, patientId: string): boolean {
  const patient = ctx.query.get('patient');
  const beneficiary = ctx.query.get('beneficiary');
  return (
    (patient !== undefined && patient !== patientId) ||
    (beneficiary !== undefined && !beneficiary.includes(patientId))
  );
}

/** Runs the checks; returns the guarded request or the error response. */
export function guardFhir(
  ctx: RequestContext,
  resource: ResourceType,
  action: 'read' | 'search',
): GuardedRequest | Response {
  const negotiated = negotiateFhirType(ctx.request.headers.get('accept'));
  if (!negotiated) return drfError(406, 'Could not satisfy the request Accept header.', FHIR_JSON_TYPE);
  const contentType = negotiated;
  const auth = authenticateBearer(ctx, contentType);
  if (auth instanceof Response) return auth;
  if (ctx.method === 'OPTIONS') {
    const body = {
      name: resource,
      description: '',
      renders: [FHIR_JSON_TYPE, 'application/json'],
      parses: ['application/json', FHIR_JSON_TYPE],
    };
    return drfResponse(body, 200, contentType, { Allow: ALLOWED });
  }
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    return drfError(405, `Method "${ctx.method}" not allowed.`, contentType, { Allow: ALLOWED });
  }
  const patientId = patientIdFor(auth.token.userNumber);
  if (action === 'search' && searchMismatch(ctx, patientId)) return permissionDenied(contentType);
  const expired = checkGrant(ctx, auth, contentType);
  if (expired) return expired;
  if (!scopeAllows(auth.token.scopes, resource, action)) return permissionDenied(contentType);
  const headers = throttle(ctx, auth, contentType);
  if (headers instanceof Response) return headers;
  return { auth, contentType, headers, patientId };
}
