import 'server-only';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { blueButtonEndpoints, REQUESTED_SCOPES } from '@/lib/bluebutton/endpoints';
import { exchangeCode, fetchUserinfo } from '@/lib/bluebutton/oauth';
import type { AppConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { callbackContext, failCallback } from './callback-context';

/** What the provider hands next-auth as the signed-in user. */
export interface BlueButtonProfile {
  sub: string;
  name?: string;
}

/**
 * Sign in with Medicare: Blue Button 2.0's OAuth 2.0 authorization code flow with PKCE (S256) and `state`,
 * HTTP Basic client authentication and explicit endpoints (https://bluebutton.cms.gov/api-documentation/).
 * The code exchange and userinfo go through `lib/bluebutton/oauth`, which owns timeouts and error mapping.
 * Blue Button sends no `iss` (RFC 9207), so a callback carrying one is refused.
 */
export function BlueButtonProvider(config: AppConfig): OAuthConfig<BlueButtonProfile> {
  const endpoints = blueButtonEndpoints(config);
  return {
    id: 'bluebutton',
    name: 'Medicare',
    type: 'oauth',
    version: '2.0',
    checks: ['pkce', 'state'],
    idToken: false,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    client: { token_endpoint_auth_method: 'client_secret_basic' },
    httpOptions: { timeout: config.tokenTimeoutMs },
    authorization: {
      url: endpoints.authorize,
      params: { scope: REQUESTED_SCOPES.join(' '), redirect_uri: config.callbackUrl, response_type: 'code' },
    },
    token: {
      url: endpoints.token,
      async request({ params, checks }) {
        if (params.iss !== undefined || !params.state || params.state !== checks.state) {
          throw failCallback('state_mismatch');
        }
        if (!params.code || !checks.code_verifier) throw failCallback('state_mismatch');
        try {
          const tokens = await exchangeCode(
            { code: params.code, codeVerifier: checks.code_verifier, redirectUri: config.callbackUrl },
            { config },
          );
          callbackContext().tokens = tokens;
          return { tokens: {} };
        } catch (error) {
          throw failCallback((error instanceof AppError && error.reason) || 'unknown');
        }
      },
    },
    userinfo: {
      url: endpoints.userinfo,
      async request() {
        const tokens = callbackContext().tokens;
        if (!tokens) throw failCallback('unknown');
        // Without `profile` (demographics not shared) userinfo would only answer 403.
        if (!tokens.scopes.includes('profile')) return { sub: tokens.patient };
        try {
          const info = await fetchUserinfo(tokens.accessToken, { config });
          return 'declined' in info ? { sub: tokens.patient } : { sub: tokens.patient, name: info.name };
        } catch {
          // The name is a nicety: without it the beneficiary still sees every claim.
          return { sub: tokens.patient };
        }
      },
    },
    profile(profile) {
      return { id: profile.sub, name: profile.name ?? null, email: null, image: null };
    },
  };
}
