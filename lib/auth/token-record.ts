import 'server-only';
import { z } from 'zod';
import { revokeToken, type OAuthCallOptions } from '@/lib/bluebutton/oauth';
import { tokenSetSchema, type TokenSet } from '@/lib/bluebutton/token-set';
import { RECONNECT_REASON_CODES } from '@/lib/reconnect-reasons';
import { sessionKey } from './session-keys';

/**
 * The server-side record of one session's tokens, as the token manager keeps it in the encrypted store,
 * and where it is kept. The store key is a keyed hash of the session id (session-keys.ts), so the store's
 * key list does not reveal session ids.
 */

/** Schema of {@link TokenRecord}; a stored record that does not match reads as absent. */
export const tokenRecordSchema = z.object({
  tokens: tokenSetSchema,
  /** How many refreshes produced these tokens since sign-in. */
  rotation: z.number().int().nonnegative(),
  /** Sign-in time, epoch ms; the absolute session limit counts from here. */
  createdAt: z.number(),
  /** When these tokens were issued, epoch ms: their lifetime is `tokens.expiresAt - issuedAt`. */
  issuedAt: z.number().optional(),
  /** Set once a refresh failed for good: the beneficiary must connect again, for this reason. */
  needsReconnect: z.enum(RECONNECT_REASON_CODES).optional(),
});

/** One session's tokens and their history. */
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

/** The store key of a session's token record (and the name of its refresh lock). */
export function tokenRecordKey(sid: string): string {
  return sessionKey(sid, 'tokens');
}

/** A refresh that failed without a verdict (server down, slow, garbled), so that its waiters stop too. */
export const refreshFailureSchema = z.object({ at: z.number(), reason: z.enum(RECONNECT_REASON_CODES) });

/** The store key of a session's last {@link refreshFailureSchema} note. */
export function refreshFailureKey(sid: string): string {
  return sessionKey(sid, 'refresh-failed');
}

/**
 * Revokes a token set at Medicare's `/revoke_token/` (RFC 7009): the refresh token, which takes its access
 * token with it (RFC 7009 §2.1; django-oauth-toolkit's `RefreshToken.revoke`) and stays revocable after the
 * access token expired; the access token when there is no refresh token.
 */
export function revokeTokenSet(tokens: TokenSet, options: OAuthCallOptions = {}): Promise<void> {
  return tokens.refreshToken
    ? revokeToken(tokens.refreshToken, { ...options, tokenTypeHint: 'refresh_token' })
    : revokeToken(tokens.accessToken, options);
}
