/**
 * Discovery documents (docs/blue-button.md §7; WEB `apps/wellknown/views/openid.py`): SMART configuration and
 * OpenID configuration, built on the public base URL (`HOSTNAME_URL`). v1 and v2 both point at the
 * v2 OAuth endpoints.
 */
import type { RequestContext } from './http/context';
import type { JsonValue } from './http/py-json';
import { djangoJson, methodNotAllowed } from './http/responses';
import { SCOPES_SUPPORTED } from './oauth/scopes';

/** The OAuth endpoint URLs every discovery document shares. */
export function oauthEndpoints(issuer: string) {
  return {
    authorization_endpoint: `${issuer}/v2/o/authorize`,
    revocation_endpoint: `${issuer}/v2/o/revoke_token`,
    token_endpoint: `${issuer}/v2/o/token/`,
  };
}

/** `/.well-known/openid-configuration` and its aliases. */
export function openidConfiguration(issuer: string): Record<string, JsonValue> {
  const { authorization_endpoint, revocation_endpoint, token_endpoint } = oauthEndpoints(issuer);
  return {
    issuer,
    authorization_endpoint,
    revocation_endpoint,
    token_endpoint,
    userinfo_endpoint: `${issuer}/v2/connect/userinfo`,
    ui_locales_supported: ['en-US'],
    service_documentation: 'https://bluebutton.cms.gov/developers',
    op_tos_uri: 'https://bluebutton.cms.gov/terms',
    grant_types_supported: ['refresh_token', 'authorization_code'],
    response_types_supported: ['code', 'token'],
    fhir_metadata_uri: `${issuer}/v2/fhir/metadata`,
  };
}

/** `/fhir/.well-known/smart-configuration`. */
export function smartConfiguration(issuer: string): Record<string, JsonValue> {
  return {
    ...oauthEndpoints(issuer),
    grant_types_supported: ['authorization_code'],
    response_types_supported: ['code', 'token'],
    scopes_supported: [...SCOPES_SUPPORTED],
    code_challenge_methods_supported: ['S256'],
    capabilities: [
      'client-confidential-symmetric',
      'context-standalone-patient',
      'launch-standalone',
      'permission-offline',
      'permission-patient',
      'permission-v1',
      'permission-v2',
      'authorize-post',
    ],
  };
}

/** Serves a discovery document (`require_GET`). */
export function discoveryEndpoint(build: (issuer: string) => Record<string, JsonValue>) {
  return (ctx: RequestContext): Response => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return methodNotAllowed(['GET', 'HEAD']);
    return djangoJson(build(ctx.core.config.publicUrl));
  };
}
