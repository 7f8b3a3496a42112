/**
 * Issuing tokens and the success body of `/token` (docs/blue-button.md §2.3): oauthlib's BearerToken fields
 * in order, then `patient`, then `access_grant_expiration`, with `Cache-Control: no-store`.
 */
import type { RegisteredApp } from '../apps';
import { formatGrantExpiration } from '../clock';
import type { SandboxCore } from '../core';
import { patientIdFor } from '../data/users';
import { djangoJson, NO_STORE_HEADERS } from '../http/responses';
import { newSecret } from '../random';

/** Creates an access token and its refresh token for a beneficiary and returns the 200 response. */
export function issueTokens(
  core: SandboxCore,
  app: RegisteredApp,
  userNumber: number,
  scopes: string[],
): Response {
  const now = core.now();
  const expiresIn = core.settings.accessTokenLifetime;
  const access = newSecret('access', core.config.canary);
  const refresh = newSecret('refresh', core.config.canary);
  core.store.accessTokens.set(access, {
    token: access,
    clientId: app.clientId,
    userNumber,
    scopes,
    expiresAt: now + expiresIn * 1000,
  });
  core.store.refreshTokens.set(refresh, {
    token: refresh,
    clientId: app.clientId,
    userNumber,
    accessToken: access,
    revokedAt: null,
  });
  const body: Record<string, string | number> = {
    access_token: access,
    expires_in: expiresIn,
    token_type: 'Bearer',
  };
  if (scopes.length > 0) body.scope = scopes.join(' ');
  body.refresh_token = refresh;
  body.patient = patientIdFor(userNumber);
  body.access_grant_expiration = grantExpiration(core, app, userNumber, now, expiresIn);
  return djangoJson(body, 200, { ...NO_STORE_HEADERS });
}

function grantExpiration(
  core: SandboxCore,
  app: RegisteredApp,
  userNumber: number,
  now: number,
  expiresIn: number,
) {
  switch (app.dataAccessType) {
    case 'THIRTEEN_MONTH': {
      const grant = core.store.grant(app.clientId, userNumber);
      return grant?.expiresAt != null ? formatGrantExpiration(grant.expiresAt) : '';
    }
    case 'ONE_TIME':
      return formatGrantExpiration(now + expiresIn * 1000);
    case 'RESEARCH_STUDY':
      return '';
  }
}
