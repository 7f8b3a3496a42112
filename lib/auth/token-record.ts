import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { tokenSetSchema } from '@/lib/bluebutton/token-set';
import { RECONNECT_REASON_CODES } from '@/lib/reconnect-reasons';

/**
 * The server-side record of one session's tokens, as the token manager keeps it in the encrypted store,
 * and where it is kept. The store key is a hash of the session id, so the store's key list does not
 * reveal session ids.
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
  return `tokens:${createHash('sha256').update(sid, 'utf8').digest('base64url')}`;
}

/** A refresh that failed without a verdict (server down, slow, garbled), so that its waiters stop too. */
export const refreshFailureSchema = z.object({ at: z.number(), reason: z.enum(RECONNECT_REASON_CODES) });

/** The store key of a session's last {@link refreshFailureSchema} note. */
export function refreshFailureKey(sid: string): string {
  return `${tokenRecordKey(sid)}:refresh-failed`;
}
