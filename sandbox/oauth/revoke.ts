/**
 * `POST /vN/o/revoke_token/` (RFC 7009 via django-oauth-toolkit) and `POST /vN/o/revoke/` (BB2's
 * disconnect, which also deletes the DataAccessGrant; docs/blue-button.md §1, §2.4, §3). Revoking an access
 * token deletes it, so its refresh token then fails with `invalid_grant`; revoking a refresh token
 * marks it revoked and deletes its access token.
 */
import type { RequestContext } from '../http/context';
import { djangoBadRequest, djangoServerError, emptyResponse, methodNotAllowed } from '../http/responses';
import { authenticateClient, findRequestApp, ServerCrash } from './client-auth';
import { OAuthError, oauthErrorResponse, oauthlibError } from './oauth-errors';

const TOKEN_TYPES = new Set(['access_token', 'refresh_token']);

function revokeToken(ctx: RequestContext, token: string, hint: string | undefined): void {
  const { store } = ctx.core;
  const revokeAccess = () => {
    if (!store.accessTokens.has(token)) return false;
    store.deleteAccessToken(token);
    return true;
  };
  const revokeRefresh = () => {
    const rt = store.refreshTokens.get(token);
    if (!rt) return false;
    store.revokeRefreshToken(rt, ctx.core.now());
    return true;
  };
  const order = hint === 'refresh_token' ? [revokeRefresh, revokeAccess] : [revokeAccess, revokeRefresh];
  order.some((revoke) => revoke());
}

/** Runs BB2's app check, then oauthlib's revocation endpoint. `beforeRevoke` is BB2's extra step. */
function revocation(ctx: RequestContext, beforeRevoke?: (clientId: string, token: string) => void): Response {
  if (ctx.method !== 'POST') return methodNotAllowed(['POST', 'OPTIONS']);
  if (ctx.form.malformed) return djangoBadRequest();
  const header = ctx.request.headers.get('authorization');
  const fields = ctx.form.fields;
  try {
    const app = findRequestApp(ctx.core, header, ctx.query, fields);
    const token = fields.get('token');
    beforeRevoke?.(app.clientId, token ?? '');
    if (!token) throw oauthlibError('invalid_request', 400, 'Missing token parameter.');
    if (!authenticateClient(ctx.core, header, fields)) throw oauthlibError('invalid_client', 401);
    const hint = fields.get('token_type_hint');
    if (hint && !TOKEN_TYPES.has(hint)) throw oauthlibError('unsupported_token_type');
    revokeToken(ctx, token, hint);
    return emptyResponse(200);
  } catch (err) {
    if (err instanceof OAuthError) return oauthErrorResponse(err);
    if (err instanceof ServerCrash) return djangoServerError();
    throw err;
  }
}

/** `/revoke_token/`: revokes one token. */
export function revokeTokenEndpoint(ctx: RequestContext): Response {
  return revocation(ctx);
}

/** `/revoke/`: deletes the grant of the token's beneficiary and app, then revokes the token. */
export function revokeEndpoint(ctx: RequestContext): Response {
  return revocation(ctx, (clientId, token) => {
    const at = ctx.core.store.accessTokens.get(token);
    if (at) ctx.core.store.deleteGrant(clientId, at.userNumber, ctx.core.now());
  });
}
