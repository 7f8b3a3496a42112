/**
 * The consent step `/vN/o/authorize/<uuid>/` (WEB `ApprovalView`, `AuthorizationView.form_valid`;
 * docs/blue-button.md §2.1, §5): Cancel redirects with `access_denied`; Connect grants the requested scopes
 * (personal info removed when demographics are not shared), deletes the app+user pair's earlier
 * tokens and redirects with a 30-character, single-use, 60-second code. No grantable scope left is
 * `access_denied` too, and deletes the pair's grant.
 */
import type { RequestContext } from '../http/context';
import {
  djangoBadRequest,
  djangoJson,
  htmlResponse,
  methodNotAllowed,
  redirectResponse,
} from '../http/responses';
import { addParamsToUri } from '../http/url-encoding';
import { usernameFor } from '../data/users';
import { newSecret } from '../random';
import { AUTHORIZE_METHODS, loginUrl } from './authorize';
import { checkAuthorizeRequest, type AuthorizeRequest } from './authorize-request';
import { consentPage } from './consent-page';
import { grantedScopes, scopesAreValid } from './scopes';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const CODE_LIFETIME_MS = 60_000;
const TRUE_VALUES = new Set(['true', 'True', '1', 'on', 'yes']);

/** Handles the consent page (GET) and its form (POST). */
export function consentEndpoint(ctx: RequestContext): Response {
  if (!(AUTHORIZE_METHODS as readonly string[]).includes(ctx.method) || ctx.method === 'OPTIONS') {
    return methodNotAllowed(AUTHORIZE_METHODS);
  }
  const id = ctx.captures[0] ?? '';
  if (!UUID.test(id)) return djangoJson({ status_code: 404, message: 'Not found.' }, 404);
  if (ctx.method === 'POST' && ctx.form.malformed) return djangoBadRequest();
  const { core } = ctx;
  const queryString = ctx.url.search.replace(/^\?/, '');
  const approval = core.approvals.find(id, ctx.query.get('client_id'), core.now());
  if (!approval) return redirectResponse(loginUrl(`/v${ctx.version}/o/authorize/?${queryString}`));
  const check = checkAuthorizeRequest(core, ctx.query);
  if (!check.ok) return check.response;
  if (!scopesAreValid(check.request.scopes))
    return djangoJson({ status_code: 400, message: 'Invalid scopes.' }, 400);
  if (ctx.method !== 'POST') {
    const action = `${ctx.url.pathname}${ctx.url.search}`;
    const page = consentPage({
      app: check.request.app,
      action,
      username: usernameFor(approval.userNumber),
      now: core.now(),
    });
    return htmlResponse(page);
  }
  core.approvals.delete(id);
  return decide(ctx, check.request, approval.userNumber);
}

function decide(ctx: RequestContext, request: AuthorizeRequest, userNumber: number): Response {
  const { core } = ctx;
  const { app, redirectUri, state } = request;
  const denied = () =>
    redirectResponse(
      addParamsToUri(redirectUri, [
        ['error', 'access_denied'],
        ['state', state],
      ]),
    );
  if (!TRUE_VALUES.has(ctx.form.fields.get('allow') ?? '')) return denied();
  const share = app.requireDemographicScopes && ctx.form.fields.get('share_demographic_scopes') !== 'False';
  const scopes = grantedScopes(request.scopes, share);
  if (scopes.length === 0) {
    core.store.deleteGrant(app.clientId, userNumber, core.now());
    core.store.removePairTokens(app.clientId, userNumber);
    return denied();
  }
  core.store.removePairTokens(app.clientId, userNumber);
  core.store.sweepCodes(core.now());
  const code = newSecret('code', core.config.canary);
  core.store.codes.set(code, {
    code,
    clientId: app.clientId,
    userNumber,
    redirectUri,
    codeChallenge: request.codeChallenge,
    scopes,
    expiresAt: core.now() + CODE_LIFETIME_MS,
  });
  return redirectResponse(
    addParamsToUri(redirectUri, [
      ['code', code],
      ['state', state],
    ]),
  );
}
