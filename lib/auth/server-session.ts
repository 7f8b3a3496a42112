import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { revokeGrant } from '@/lib/bluebutton/oauth';
import type { TokenSet } from '@/lib/bluebutton/token-set';
import { getConfig } from '@/lib/config';
import { getSecureStore } from '@/lib/store';
import { isReconnectReason, type ReconnectReason } from '@/lib/reconnect-reasons';
import { sessionKey } from './session-keys';
import { getTokenManager, revokeTokenSet, type TokenRecord } from './tokens';

/**
 * The server side of a session: its tokens (in the token manager) and an activity marker whose TTL is the
 * idle limit. The absolute limit counts from sign-in. Both are enforced here, on the server, whatever the
 * cookie says. Every record's store key is a keyed hash of the session id (session-keys.ts).
 */

const activitySchema = z.object({ at: z.number() });
const activityKey = (sid: string) => sessionKey(sid, 'activity');
const endedSchema = z.object({ reason: z.string() });
const endedKey = (sid: string) => sessionKey(sid, 'ended');
const ENDED_MEMORY_SECONDS = 3600;
/** Raised when the cached data's shape changes, so that a new deploy never reads what the one before cached. */
const DATA_FORMAT = 3;
/** The records kept for a session besides its tokens: the data cache and its load's progress and lock. */
export type SessionDataName = 'cache' | 'progress' | 'lock';
/** The store key of one of {@link SessionDataName}; deleted with the session. */
export const sessionDataKey = (sid: string, name: SessionDataName) =>
  sessionKey(sid, `data:v${DATA_FORMAT}:${name}`);

/** Stores freshly issued tokens under a new opaque session id and returns the id. */
export async function startServerSession(tokens: TokenSet): Promise<string> {
  const sid = randomBytes(32).toString('base64url');
  await getTokenManager().save(sid, tokens);
  await touch(sid);
  return sid;
}

async function touch(sid: string) {
  await getSecureStore().setJson(activityKey(sid), { at: Date.now() }, getConfig().sessionIdleMinutes * 60);
}

/**
 * Whether a session may continue: `null` when it may (and, unless `touch` is false, its idle timer restarts),
 * else why not. An ended session is never brought back.
 */
export async function checkServerSession(
  sid: string,
  authTime: number,
  { touch: restart = true }: { touch?: boolean } = {},
): Promise<ReconnectReason | null> {
  const config = getConfig();
  const store = getSecureStore();
  const [record, activity] = await Promise.all([
    getTokenManager().get(sid),
    store.getJson(activityKey(sid), activitySchema),
  ]);
  if (record?.needsReconnect) {
    // The tokens are dead at Medicare: delete them, and remember why for the next page load.
    const reason = record.needsReconnect;
    await endServerSession(sid, 'expire');
    await store.setJson(endedKey(sid), { reason }, ENDED_MEMORY_SECONDS);
    return reason;
  }
  const tooOld = Date.now() - authTime > config.sessionMaxHours * 3_600_000;
  if (!record || !activity || tooOld) {
    if (record || activity) await endServerSession(sid, 'expire');
    const ended = await store.getJson(endedKey(sid), endedSchema);
    return ended && isReconnectReason(ended.reason) ? ended.reason : 'session_expired';
  }
  if (restart) await touch(sid);
  return null;
}

/**
 * Ends a session: `sign-out` revokes the tokens (through the refresh token, which still works after the
 * access token expired), `disconnect` deletes the beneficiary's data access grant at Medicare, `expire`
 * revokes nothing. Stored tokens and data are deleted in every case, even when Medicare cannot be reached.
 */
export async function endServerSession(
  sid: string,
  how: 'sign-out' | 'disconnect' | 'expire',
): Promise<void> {
  const manager = getTokenManager();
  const record = await manager.get(sid).catch(() => null);
  try {
    if (record && how === 'sign-out') await revokeTokenSet(record.tokens);
    if (record && how === 'disconnect') await deleteGrant(sid, record);
  } finally {
    await manager.delete(sid);
    await getSecureStore().delete(
      activityKey(sid),
      sessionDataKey(sid, 'cache'),
      sessionDataKey(sid, 'progress'),
    );
  }
}

/**
 * Blue Button's `/revoke/` finds the grant through the access token it is given (docs/blue-button.md §1),
 * so it gets a live one: the token manager refreshes an expired or expiring token first. When no refresh is
 * possible (the grant already ended, Medicare unreachable), the stored access token is tried, and the stored
 * tokens are revoked as well, so the refresh token does not outlive the session.
 */
async function deleteGrant(sid: string, record: TokenRecord): Promise<void> {
  const live = await getTokenManager()
    .getAccessToken(sid)
    .catch(() => null);
  if (live) return revokeGrant(live);
  try {
    await revokeGrant(record.tokens.accessToken);
  } finally {
    await revokeTokenSet(record.tokens);
  }
}
