/**
 * Validation of an authorization request, in the real server's order (docs/blue-button.md §2.1; WEB
 * `AuthorizationView.dispatch`/`_check_for_required_params`, oauthlib
 * `AuthorizationCodeGrant.validate_authorization_request`): the app (HTML page: 400 unknown, 403
 * inactive), `client_secret` (400 text), missing PKCE/state params and short state (400 JSON),
 * `code_challenge_method` (400 JSON), fatal client/redirect errors (400 page), then errors that are
 * redirected to the client.
 */
import { CLIENT_ID_PATTERN, type RegisteredApp } from '../apps';
import type { SandboxCore } from '../core';
import type { Params } from '../http/params';
import { djangoJson, htmlResponse, redirectResponse, textResponse } from '../http/responses';
import { addParamsToUri } from '../http/url-encoding';
import { appInactive } from './messages';
import { errorPage } from './page-layout';
import { parseScope } from './scopes';

/** A valid authorization request. */
export interface AuthorizeRequest {
  app: RegisteredApp;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: string[];
}

/** Either a valid request or the response the real server gives instead. */
export type AuthorizeCheck = { ok: true; request: AuthorizeRequest } | { ok: false; response: Response };

const fail = (response: Response): AuthorizeCheck => ({ ok: false, response });

/** The `app_inactive_401.html` page that `validate_app_is_active` errors render. */
function appErrorPage(status: number, detail: string): Response {
  return htmlResponse(errorPage('This app can’t connect right now', `Error: ${detail}`), status);
}

/** `validate_app_is_active` on /authorize: the app named by `client_id`. */
export function checkAuthorizeApp(core: SandboxCore, params: Params): RegisteredApp | Response {
  const clientId = params.get('client_id');
  if (!clientId) return appErrorPage(401, 'invalid_client : App id failed');
  if (!CLIENT_ID_PATTERN.test(clientId))
    return appErrorPage(400, 'invalid_client : Invalid client_id format');
  const app = core.apps.get(clientId);
  if (!app) return appErrorPage(400, 'invalid_client : Application does not exist (client_id)');
  if (!app.active) return appErrorPage(403, `invalid_client : ${appInactive(app.name)}`);
  return app;
}

function missingParams(params: Params): Response | undefined {
  const missing: string[] = [];
  if (!params.get('code_challenge')) missing.push('code_challenge');
  if (!params.get('code_challenge_method')) missing.push('code_challenge_method');
  const state = params.get('state');
  if (!state) missing.push('state');
  else if (state.length < 16) {
    return djangoJson(
      { status_code: 400, message: 'State parameter should have a minimum of 16 characters' },
      400,
    );
  }
  if (missing.length === 0) return undefined;
  return djangoJson(
    { status_code: 400, message: `Missing Required Parameter(s): ${missing.join(', ')}` },
    400,
  );
}

function fatal(description: string): Response {
  return htmlResponse(
    errorPage('Something is wrong with this sign-in link', `Error: invalid_request ${description}`),
    400,
  );
}

/** Validates an authorization request given as merged query and form parameters. */
export function checkAuthorizeRequest(core: SandboxCore, params: Params): AuthorizeCheck {
  const app = checkAuthorizeApp(core, params);
  if (app instanceof Response) return fail(app);
  if (params.has('client_secret'))
    return fail(textResponse('Illegal query parameter [client_secret] detected', 400));
  const missing = missingParams(params);
  if (missing) return fail(missing);
  if (params.get('code_challenge_method') !== 'S256') {
    return fail(
      djangoJson(
        {
          status_code: 400,
          error: 'invalid_request',
          error_description: 'code_challenge_method must be S256',
        },
        400,
      ),
    );
  }
  for (const name of ['client_id', 'response_type', 'redirect_uri', 'scope', 'state']) {
    if (params.count(name) > 1) return fail(fatal(`Duplicate ${name} parameter.`));
  }
  const given = params.get('redirect_uri');
  if (given !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(given))
    return fail(fatal('Invalid redirect URI.'));
  const redirectUri = given ?? app.redirectUris[0] ?? '';
  if (!app.redirectUris.includes(redirectUri)) return fail(fatal('Mismatching redirect URI.'));
  const state = params.get('state') ?? '';
  const responseType = params.get('response_type');
  const redirectError = (pairs: [string, string][]) =>
    fail(redirectResponse(addParamsToUri(redirectUri, [...pairs, ['state', state]])));
  if (responseType === undefined) {
    return redirectError([
      ['error', 'invalid_request'],
      ['error_description', 'Missing response type.'],
    ]);
  }
  if (!responseType.includes('code')) return redirectError([['error', 'unsupported_response_type']]);
  if (responseType !== 'code') return redirectError([['error', 'unauthorized_client']]);
  return {
    ok: true,
    request: {
      app,
      redirectUri,
      state,
      codeChallenge: params.get('code_challenge') ?? '',
      scopes: parseScope(params.get('scope')),
    },
  };
}
