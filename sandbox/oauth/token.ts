/**
 * `POST /vN/o/token/` (docs/blue-button.md §2.3, §2.4, §3): BB2's app checks, then django-oauth-toolkit's
 * authorization_code grant (single-use 60 s codes, PKCE S256, `redirect_uri` equality) and
 * refresh_token grant (rotation with no grace period: the old refresh token is revoked and its access
 * token deleted at once).
 */
import { addCalendarMonths } from '../clock';
import type { RequestContext } from '../http/context';
import { djangoBadRequest, djangoServerError, methodNotAllowed } from '../http/responses';
import { authenticateClient, findRequestApp, ServerCrash } from './client-auth';
import { OAuthError, oauthErrorResponse, oauthlibError } from './oauth-errors';
import { verifyS256 } from './pkce';
import { parseScope, withinOriginalScope } from './scopes';
import { issueTokens } from './token-response';

const GRANT_MONTHS = 13;

/** Handles the token endpoint. */
export function tokenEndpoint(ctx: RequestContext): Response {
  if (ctx.method !== 'POST') return methodNotAllowed(['POST', 'OPTIONS']);
  if (ctx.form.malformed) return djangoBadRequest();
  try {
    return grant(ctx);
  } catch (err) {
    if (err instanceof OAuthError) return oauthErrorResponse(err);
    if (err instanceof ServerCrash) return djangoServerError();
    throw err;
  }
}

function grant(ctx: RequestContext): Response {
  const { core, form } = ctx;
  const header = ctx.request.headers.get('authorization');
  findRequestApp(core, header, ctx.query, form.fields);
  const grantType = form.fields.get('grant_type') ?? 'authorization_code';
  if (grantType === 'refresh_token') return refreshGrant(ctx, header);
  if (grantType !== 'authorization_code') {
    if (grantType === 'password' || grantType === 'client_credentials') {
      requireClient(ctx, header);
      throw oauthlibError('unauthorized_client');
    }
    throw oauthlibError('unsupported_grant_type');
  }
  if (!form.fields.has('grant_type')) throw oauthlibError('unsupported_grant_type');
  return codeGrant(ctx, header);
}

function requireClient(ctx: RequestContext, header: string | null) {
  const app = authenticateClient(ctx.core, header, ctx.form.fields);
  if (!app) throw oauthlibError('invalid_client', 401);
  return app;
}

function checkDuplicates(ctx: RequestContext, names: readonly string[]) {
  for (const name of names) {
    if (ctx.form.fields.count(name) > 1)
      throw oauthlibError('invalid_request', 400, `Duplicate ${name} parameter.`);
  }
}

function codeGrant(ctx: RequestContext, header: string | null): Response {
  const { core, form } = ctx;
  const code = form.fields.get('code');
  if (code === undefined) throw oauthlibError('invalid_request', 400, 'Missing code parameter.');
  checkDuplicates(ctx, ['client_id', 'grant_type', 'redirect_uri']);
  const app = requireClient(ctx, header);
  const record = core.store.codes.get(code);
  if (!record || record.clientId !== app.clientId || record.expiresAt <= core.now())
    throw oauthlibError('invalid_grant');
  const verifier = form.fields.get('code_verifier');
  if (verifier === undefined) throw oauthlibError('invalid_request', 400, 'Code verifier required.');
  if (!verifyS256(verifier, record.codeChallenge)) throw oauthlibError('invalid_grant');
  const redirectUri = form.fields.get('redirect_uri') ?? app.redirectUris[0];
  if (redirectUri !== record.redirectUri)
    throw oauthlibError('invalid_request', 400, 'Mismatching redirect URI.');
  core.store.codes.delete(code);
  const now = core.now();
  const existing = core.store.grant(app.clientId, record.userNumber);
  core.store.putGrant({
    clientId: app.clientId,
    userNumber: record.userNumber,
    expiresAt:
      app.dataAccessType === 'THIRTEEN_MONTH'
        ? addCalendarMonths(now, GRANT_MONTHS)
        : (existing?.expiresAt ?? null),
  });
  return issueTokens(core, app, record.userNumber, record.scopes);
}

function refreshGrant(ctx: RequestContext, header: string | null): Response {
  const { core, form } = ctx;
  const app = requireClient(ctx, header);
  const token = form.fields.get('refresh_token') ?? '';
  const rt = core.store.refreshTokens.get(token);
  if (!rt || rt.revokedAt !== null || rt.clientId !== app.clientId) throw oauthlibError('invalid_grant');
  const at = rt.accessToken ? core.store.accessTokens.get(rt.accessToken) : undefined;
  if (!at) throw oauthlibError('invalid_grant');
  const requested = parseScope(form.fields.get('scope'));
  if (requested.length > 0 && !withinOriginalScope(requested, at.scopes))
    throw oauthlibError('invalid_scope');
  const scopes = requested.length > 0 ? requested : at.scopes;
  core.store.revokeRefreshToken(rt, core.now());
  return issueTokens(core, app, rt.userNumber, scopes);
}
