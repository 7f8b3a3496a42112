/**
 * `GET|POST /vN/o/introspect/` (django-oauth-toolkit `IntrospectTokenView`, RFC 7662): after BB2's
 * app check, the client must authenticate (403 otherwise); the answer is `{"active": false}` or the
 * token's scope, expiry, client id and username.
 */
import type { RequestContext } from '../http/context';
import { djangoJson, djangoServerError, emptyResponse, methodNotAllowed } from '../http/responses';
import { usernameFor } from '../data/users';
import { authenticateClient, findRequestApp, ServerCrash } from './client-auth';
import { OAuthError, oauthErrorResponse } from './oauth-errors';

/** Handles the introspection endpoint. */
export function introspectEndpoint(ctx: RequestContext): Response {
  if (ctx.method !== 'GET' && ctx.method !== 'POST')
    return methodNotAllowed(['GET', 'POST', 'HEAD', 'OPTIONS']);
  const header = ctx.request.headers.get('authorization');
  const fields = ctx.method === 'POST' ? ctx.form.fields : ctx.query;
  try {
    findRequestApp(ctx.core, header, ctx.query, ctx.form.fields);
  } catch (err) {
    if (err instanceof OAuthError) return oauthErrorResponse(err);
    if (err instanceof ServerCrash) return djangoServerError();
    throw err;
  }
  if (!authenticateClient(ctx.core, header, fields)) return emptyResponse(403);
  const at = ctx.core.store.accessTokens.get(fields.get('token') ?? '');
  if (!at || at.expiresAt <= ctx.core.now()) return djangoJson({ active: false });
  return djangoJson({
    active: true,
    scope: at.scopes.join(' '),
    exp: Math.floor(at.expiresAt / 1000),
    client_id: at.clientId,
    username: usernameFor(at.userNumber),
  });
}
