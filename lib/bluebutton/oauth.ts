import 'server-only';
import { z } from 'zod';
import { getConfig, type AppConfig } from '@/lib/config';
import { parseJson } from '@/lib/json';
import type { FetchLike } from './transport';
import { blueButtonEndpoints } from './endpoints';
import {
  oauthError,
  readErrorBody,
  revokeErrorReason,
  tokenErrorReason,
  userinfoErrorReason,
  type OAuthOperation,
} from './oauth-errors';
import { parseTokenResponse, type TokenSet } from './token-set';

/**
 * The only module that calls Blue Button's OAuth endpoints (docs/blue-button.md §2.3–§6): the code exchange
 * and refresh (RFC 6749 §4.1.3, §6, with PKCE per RFC 7636 §4.5), revocation (RFC 7009), BB2's disconnect
 * (`/revoke/`, which deletes the data access grant) and userinfo. Client authentication is HTTP Basic
 * (RFC 6749 §2.3.1), bodies are form-urlencoded, each call has its own timeout and nothing is retried:
 * a token POST that timed out may already have rotated the refresh token.
 */

/** Test and wiring hooks shared by every call; defaults are {@link getConfig} and the global `fetch`. */
export interface OAuthCallOptions {
  config?: Pick<AppConfig, 'baseUrl' | 'version' | 'clientId' | 'clientSecret' | 'tokenTimeoutMs'>;
  fetch?: FetchLike;
  /** Cancels the call; combined with the `tokenTimeoutMs` timeout. */
  signal?: AbortSignal;
  /** Clock for `expiresAt`, epoch ms (default `Date.now`). */
  now?: () => number;
}

/** The beneficiary's profile from userinfo (docs/blue-button.md §6). */
export interface Userinfo {
  sub: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  email?: string;
}

/** userinfo answered 403: the beneficiary did not share demographics (docs/blue-button.md §5). */
export interface UserinfoDeclined {
  declined: true;
}

const userinfoSchema = z.object({
  sub: z.string().min(1),
  name: z.string().nullish(),
  given_name: z.string().nullish(),
  family_name: z.string().nullish(),
  email: z.string().nullish(),
});

const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

async function send(operation: OAuthOperation, url: string, init: RequestInit, options: OAuthCallOptions) {
  const config = options.config ?? getConfig();
  const timeout = AbortSignal.timeout(config.tokenTimeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      ...init,
      signal,
      redirect: 'manual',
      cache: 'no-store',
    });
    return { status: response.status, text: await response.text() };
  } catch (err) {
    if (options.signal?.aborted) throw options.signal.reason ?? err;
    throw oauthError(operation, 'token_unavailable', null);
  }
}

function clientPost(
  operation: OAuthOperation,
  url: string,
  form: Record<string, string>,
  options: OAuthCallOptions,
) {
  const config = options.config ?? getConfig();
  const credentials = `${formEncode(config.clientId)}:${formEncode(config.clientSecret)}`;
  const headers = {
    authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`,
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  return send(
    operation,
    url,
    { method: 'POST', headers, body: new URLSearchParams(form).toString() },
    options,
  );
}

const errorCode = (error: string | null) => (error && /^[A-Za-z0-9_.-]{1,64}$/.test(error) ? error : null);

async function tokenRequest(
  operation: 'exchange' | 'refresh',
  form: Record<string, string>,
  options: OAuthCallOptions,
): Promise<TokenSet> {
  const config = options.config ?? getConfig();
  const sentAt = (options.now ?? Date.now)();
  const { status, text } = await clientPost(operation, blueButtonEndpoints(config).token, form, options);
  if (status === 200) {
    const tokens = parseTokenResponse(parseJson(text), sentAt);
    if (!tokens) throw oauthError(operation, 'token_garbage', status);
    return tokens;
  }
  const { error, description } = readErrorBody(text);
  const reason = tokenErrorReason(operation, status, error, description);
  throw oauthError(operation, reason, status, errorCode(error));
}

/** Exchanges an authorization code (with its PKCE verifier) for tokens. One POST, never retried. */
export function exchangeCode(
  params: { code: string; codeVerifier: string; redirectUri: string },
  options: OAuthCallOptions = {},
): Promise<TokenSet> {
  const { code, codeVerifier, redirectUri } = params;
  const form = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: codeVerifier,
  };
  return tokenRequest('exchange', form, options);
}

/**
 * Trades a refresh token for new tokens. BB2 rotates with no grace period, so the old refresh token is
 * dead once this succeeds — and possibly even when it times out. One POST, never retried.
 */
export function refreshTokens(refreshToken: string, options: OAuthCallOptions = {}): Promise<TokenSet> {
  return tokenRequest('refresh', { grant_type: 'refresh_token', refresh_token: refreshToken }, options);
}

async function revocation(
  path: 'revokeToken' | 'revokeGrant',
  form: Record<string, string>,
  options: OAuthCallOptions,
) {
  const config = options.config ?? getConfig();
  const { status, text } = await clientPost('revoke', blueButtonEndpoints(config)[path], form, options);
  if (status === 200) return;
  const { error, description } = readErrorBody(text);
  // BB2 answers 400 "Token not found." for a token that is already gone: the goal is reached.
  if (status === 400 && /token not found/i.test(description ?? '')) return;
  throw oauthError('revoke', revokeErrorReason(status, error, description), status, errorCode(error));
}

/** Revokes one token at `/revoke_token/` (RFC 7009); revoking an access token also kills its refresh token. */
export function revokeToken(
  token: string,
  options: OAuthCallOptions & { tokenTypeHint?: 'access_token' | 'refresh_token' } = {},
): Promise<void> {
  return revocation(
    'revokeToken',
    { token, token_type_hint: options.tokenTypeHint ?? 'access_token' },
    options,
  );
}

/**
 * Disconnects the app at BB2's `/revoke/`: deletes the beneficiary's data access grant for this app and
 * with it every token. BB2 finds the grant through the **access token** given as `token`.
 */
export function revokeGrant(accessToken: string, options: OAuthCallOptions = {}): Promise<void> {
  return revocation('revokeGrant', { token: accessToken, token_type_hint: 'access_token' }, options);
}

/** The beneficiary's name and email, or `{ declined: true }` when demographics were not shared. */
export async function fetchUserinfo(
  accessToken: string,
  options: OAuthCallOptions = {},
): Promise<Userinfo | UserinfoDeclined> {
  const config = options.config ?? getConfig();
  const headers = { authorization: `Bearer ${accessToken}`, accept: 'application/json' };
  const { status, text } = await send('userinfo', blueButtonEndpoints(config).userinfo, { headers }, options);
  if (status === 403) return { declined: true };
  if (status !== 200) {
    const { error, description } = readErrorBody(text);
    throw oauthError('userinfo', userinfoErrorReason(status, description), status, errorCode(error));
  }
  const parsed = userinfoSchema.safeParse(parseJson(text));
  if (!parsed.success) throw oauthError('userinfo', 'token_garbage', status);
  const { sub, name, given_name, family_name, email } = parsed.data;
  return {
    sub,
    ...(name ? { name } : {}),
    ...(given_name ? { givenName: given_name } : {}),
    ...(family_name ? { familyName: family_name } : {}),
    ...(email ? { email } : {}),
  };
}
