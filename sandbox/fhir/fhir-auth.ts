/**
 * Authentication and permissions of the resource endpoints, in DRF's order (docs/blue-button.md §3–§5, §10):
 * `?access_token=` (400), bearer token missing/unknown/revoked/expired (401 with `WWW-Authenticate`),
 * inactive app (401), beneficiary mismatch on search (403), timed-out grant (401), missing scope
 * (403), then the token throttle (429, and the `X-RateLimit-*` values).
 */
import type { RegisteredApp } from '../apps';
import type { RequestContext } from '../http/context';
import type { JsonValue } from '../http/py-json';
import { drfResponse } from '../http/responses';
import {
  appInactive,
  GRANT_TIMED_OUT,
  NOT_AUTHENTICATED,
  PERMISSION_DENIED,
  QUERY_TOKEN_NOT_SUPPORTED,
} from '../oauth/messages';
import type { AccessTokenRecord } from '../oauth/store';

/** An authenticated resource request. */
export interface BearerAuth {
  token: AccessTokenRecord;
  app: RegisteredApp;
}

const REALM = 'Bearer realm="api"';

/** A DRF error response in the negotiated content type. */
export function drfError(
  status: number,
  detail: string,
  contentType: string,
  headers: Record<string, string> = {},
) {
  const body: JsonValue = { detail };
  return drfResponse(body, status, contentType, headers);
}

/** The bearer token of the request, or the 400/401 response the real server gives. */
export function authenticateBearer(ctx: RequestContext, contentType: string): BearerAuth | Response {
  if (ctx.query.has('access_token')) return drfError(400, QUERY_TOKEN_NOT_SUPPORTED, contentType);
  const parts = (ctx.request.headers.get('authorization') ?? '').trim().split(/\s+/);
  const value = parts.length === 2 && parts[0]?.toLowerCase() === 'bearer' ? parts[1] : undefined;
  const unauthorized = (attrs = '') =>
    drfError(401, NOT_AUTHENTICATED, contentType, { 'WWW-Authenticate': REALM + attrs });
  if (!value) return unauthorized();
  const token = ctx.core.store.accessTokens.get(value);
  if (!token) return unauthorized(',error="invalid_token",error_description="The access token is invalid."');
  if (token.expiresAt <= ctx.core.now()) {
    return unauthorized(',error="invalid_token",error_description="The access token has expired."');
  }
  const app = ctx.core.apps.get(token.clientId);
  if (!app) return unauthorized(',error="invalid_token",error_description="The access token is invalid."');
  if (!app.active) return drfError(401, appInactive(app.name), contentType, { 'WWW-Authenticate': REALM });
  return { token, app };
}

/** `DataAccessGrantPermission`: 401 once a 13-month grant has expired. */
export function checkGrant(ctx: RequestContext, auth: BearerAuth, contentType: string): Response | undefined {
  const grant = ctx.core.store.grant(auth.app.clientId, auth.token.userNumber);
  if (grant && grant.expiresAt !== null && grant.expiresAt <= ctx.core.now()) {
    return drfError(401, GRANT_TIMED_OUT, contentType, { 'WWW-Authenticate': REALM });
  }
  return undefined;
}

/** 403 "You do not have permission to perform this action." */
export function permissionDenied(contentType: string): Response {
  return drfError(403, PERMISSION_DENIED, contentType);
}

/** `TokenRateThrottle`: the rate-limit headers, or a 429. */
export function throttle(
  ctx: RequestContext,
  auth: BearerAuth,
  contentType: string,
): Record<string, string> | Response {
  const result = ctx.core.throttle.check(
    auth.token.token,
    ctx.core.settings.rateLimitPerSecond,
    ctx.core.now(),
  );
  if (result.allowed) return result.headers;
  const unit = result.wait === 1 ? 'second' : 'seconds';
  return drfError(429, `Request was throttled. Expected available in ${result.wait} ${unit}.`, contentType, {
    ...result.headers,
    'Retry-After': String(result.wait),
  });
}
