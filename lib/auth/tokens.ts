import 'server-only';
import { sleep, unlessAborted } from '@/lib/async';
import { refreshTokens } from '@/lib/bluebutton/oauth';
import type { TokenSet } from '@/lib/bluebutton/token-set';
import { getConfig, REFRESH_LOCK_GRACE_MS } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { isTerminalReason, type ReconnectReason } from '@/lib/reconnect-reasons';
import { getSecureStore } from '@/lib/store';
import type { SecureStore, Stamped } from '@/lib/store/secure-store';
import {
  refreshFailureKey,
  refreshFailureSchema,
  revokeTokenSet,
  tokenRecordKey,
  tokenRecordSchema,
  type TokenRecord,
} from './token-record';

/**
 * Server-side tokens per session and the one path that refreshes them. Blue Button rotates refresh
 * tokens with no grace period (docs/blue-button.md §2.4), so two refreshes of one session would log it out
 * (RFC 9700 §4.14): refreshes are single-flight inside the process and behind a store lock across
 * processes. Whoever loses the race waits and re-reads the winner's tokens. A token POST is never
 * retried; a failure that no retry can fix marks the record so nobody tries the dead token again.
 *
 * The lock only saves token calls; the record's own fence keeps it right. Every write after a read is a
 * compare-and-set against the record as read, so a holder whose lock expired cannot overwrite newer tokens,
 * and a race loser cannot mark a record that the winner has already replaced (docs/sessions.md, "Refresh
 * fencing"). Tokens that were obtained but could not be stored are revoked.
 */

export { refreshFailureKey, refreshFailureSchema, revokeTokenSet, tokenRecordKey, tokenRecordSchema };
export type { TokenRecord };

/**
 * How long the token manager waits between polls while another caller refreshes: short and jittered. The
 * pause before poll number `attempt`: 25 ms growing to 250 ms, each randomised to 50–100 %.
 */
export function pollDelay(attempt: number): number {
  const base = Math.min(250, 25 * 1.5 ** attempt);
  return Math.round(base * (0.5 + Math.random() / 2));
}

/** Options of {@link createTokenManager}. */
export interface TokenManagerOptions {
  store: SecureStore;
  /** One refresh POST (`refreshTokens` of `lib/bluebutton/oauth`); must not retry. */
  refresh: (refreshToken: string) => Promise<TokenSet>;
  /** False: an expired access token is not refreshed; the beneficiary reconnects (`token_expired`). */
  refreshOnExpire: boolean;
  /** Refresh this long before expiry (default 60 s). */
  skewMs?: number;
  /** Clock for token and session expiry, epoch ms (default `Date.now`). */
  now?: () => number;
  /**
   * Lifetime of the cross-process refresh lock; frees it if its holder dies (default 30 s). Configured
   * longer than a token request and its grace (`REFRESH_LOCK_TTL_MS`, checked at start-up).
   */
  lockTtlMs?: number;
  /** How long a caller waits for another caller's refresh before giving up (default 15 s). */
  waitMs?: number;
  /** Absolute session lifetime; records expire this long after sign-in. */
  sessionTtlSeconds: number;
  /** Revokes tokens that were issued but could not be stored (default: none are revoked). */
  discard?: (tokens: TokenSet) => Promise<void>;
}

/** Tokens of sessions, by opaque session id. */
export interface TokenManager {
  /** Stores freshly issued tokens for `sid` (rotation 0, created now) and returns the record. */
  save(sid: string, tokens: TokenSet): Promise<TokenRecord>;
  /** The stored record, or null when there is none or the session's absolute lifetime is over. */
  get(sid: string): Promise<TokenRecord | null>;
  /** An access token valid for at least `skewMs`, refreshing first when needed. */
  getAccessToken(sid: string, signal?: AbortSignal): Promise<string>;
  /** After a 401 for `rejected`: the stored token if it already differs, else a refreshed one. */
  replaceAfterUnauthorized(sid: string, rejected: string, signal?: AbortSignal): Promise<string>;
  /** Forgets the session's tokens (and its last failed refresh). */
  delete(sid: string): Promise<void>;
}

const REUSE_GRACE_MS = 1_500;
const FAILURE_NOTE_SECONDS = 60;

/** The beneficiary must connect again, for `reason`. */
const reconnect = (reason: ReconnectReason) => new AppError('reconnect_required', { reason });

/** The reason of a failed refresh POST (an OAuth failure), when it has one. */
const reasonOf = (error: unknown) => (error instanceof AppError ? error.reason : undefined);

/** Creates a token manager on `options.store`. */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { store, refresh, refreshOnExpire, sessionTtlSeconds } = options;
  const { skewMs = 60_000, now = Date.now, lockTtlMs = 30_000, waitMs = 15_000 } = options;
  const inflight = new Map<string, Promise<TokenRecord>>();
  const secondsLeft = (r: TokenRecord) => (r.createdAt + sessionTtlSeconds * 1000 - now()) / 1000;

  async function readStamped(sid: string): Promise<Stamped<TokenRecord> | null> {
    const read = await store.getJsonStamped(tokenRecordKey(sid), tokenRecordSchema);
    return read && secondsLeft(read.value) > 0 ? read : null;
  }

  const read = async (sid: string) => (await readStamped(sid))?.value ?? null;

  async function readLive(sid: string): Promise<Stamped<TokenRecord>> {
    const read = await readStamped(sid);
    if (!read) throw reconnect('session_expired');
    if (read.value.needsReconnect) throw reconnect(read.value.needsReconnect);
    return read;
  }

  /** Writes `record` only over the record read with `stamp` (null: only if none); false if it changed since. */
  async function writeIf(sid: string, record: TokenRecord, stamp: string | null): Promise<boolean> {
    const ttl = secondsLeft(record);
    if (ttl <= 0) throw reconnect('session_expired');
    return store.setJsonIf(tokenRecordKey(sid), record, ttl, stamp);
  }

  /** Revokes `ours` unless the stored record shares its refresh token; never fails. */
  async function discard(ours: TokenSet, stored: TokenRecord | null): Promise<void> {
    if (!ours.refreshToken || ours.refreshToken === stored?.tokens.refreshToken) return;
    await options.discard?.(ours).catch(() => undefined);
  }

  /** The newest record if it no longer holds `stale`; null while it still does; `ifGone` if deleted. */
  async function successor(sid: string, stale: string, ifGone: ReconnectReason): Promise<TokenRecord | null> {
    const latest = await read(sid);
    if (!latest) throw reconnect(ifGone);
    if (latest.needsReconnect) throw reconnect(latest.needsReconnect);
    return latest.tokens.accessToken !== stale ? latest : null;
  }

  async function refreshFailed(sid: string, used: TokenRecord, error: unknown): Promise<TokenRecord> {
    const reason = reasonOf(error);
    if (!reason || !isTerminalReason(reason)) throw error;
    const stale = used.tokens.accessToken;
    // A racing instance (its lock expired) may have rotated first: its tokens land within moments.
    const graceEnds = Date.now() + (reason === 'refresh_reused' ? Math.min(REUSE_GRACE_MS, waitMs) : 0);
    for (let attempt = 0; ; attempt++) {
      const latest = await readStamped(sid);
      if (!latest) throw reconnect(reason);
      if (latest.value.needsReconnect) throw reconnect(latest.value.needsReconnect);
      if (latest.value.tokens.accessToken !== stale) return latest.value;
      if (Date.now() >= graceEnds) {
        // Mark exactly the record just read: if the winner's tokens land in between, the mark is not written.
        if (await writeIf(sid, { ...latest.value, needsReconnect: reason }, latest.stamp)) throw error;
      } else {
        await sleep(pollDelay(attempt));
      }
    }
  }

  /**
   * Our refresh succeeded but the record changed meanwhile. A race loser that saw our refresh use the token
   * up may have marked the record we started from: our tokens are the live ones, so they replace the mark.
   * Otherwise the stored record decides (newer tokens, an ended session) and ours are revoked.
   */
  async function lostWrite(sid: string, base: TokenRecord, next: TokenRecord): Promise<TokenRecord> {
    const latest = await readStamped(sid);
    const supersededMark =
      latest?.value.needsReconnect === 'refresh_reused' &&
      latest.value.rotation === base.rotation &&
      latest.value.tokens.accessToken === base.tokens.accessToken;
    if (latest && supersededMark && (await writeIf(sid, next, latest.stamp))) return next;
    await discard(next.tokens, latest?.value ?? null);
    if (!latest) throw reconnect('session_expired');
    if (latest.value.needsReconnect) throw reconnect(latest.value.needsReconnect);
    return latest.value;
  }

  async function refreshLocked(sid: string, stale: string): Promise<TokenRecord> {
    const { value: current, stamp } = await readLive(sid);
    if (current.tokens.accessToken !== stale) return current;
    const refreshToken = current.tokens.refreshToken;
    if (!refreshToken) throw reconnect('token_expired');
    let tokens: TokenSet;
    try {
      tokens = await refresh(refreshToken);
    } catch (error) {
      const reason = reasonOf(error);
      if (reason && !isTerminalReason(reason)) {
        const note = { at: Date.now(), reason };
        await store.setJson(refreshFailureKey(sid), note, FAILURE_NOTE_SECONDS).catch(() => undefined);
      }
      return refreshFailed(sid, current, error);
    }
    const next: TokenRecord = {
      tokens: {
        ...tokens,
        refreshToken: tokens.refreshToken ?? refreshToken,
        scopes: tokens.scopes.length > 0 ? tokens.scopes : current.tokens.scopes,
      },
      rotation: current.rotation + 1,
      createdAt: current.createdAt,
      issuedAt: now(),
    };
    // Fenced on the record this refresh started from: not over newer tokens, not into an ended session.
    if (await writeIf(sid, next, stamp)) return next;
    return lostWrite(sid, current, next);
  }

  /** Throws when a refresh that began after `since` failed without a verdict: its waiters do not retry it. */
  async function checkFailedSince(sid: string, since: number): Promise<void> {
    const note = await store.getJson(refreshFailureKey(sid), refreshFailureSchema);
    if (note && note.at >= since) {
      throw new AppError('medicare_unavailable', {
        reason: note.reason,
        detail: { fault: 'failed_elsewhere' },
      });
    }
  }

  async function refreshShared(sid: string, stale: string): Promise<TokenRecord> {
    const startedAt = Date.now();
    for (let attempt = 0; ; attempt++) {
      const lock = await store.tryLock(tokenRecordKey(sid), lockTtlMs);
      if (lock) {
        try {
          if (attempt > 0) await checkFailedSince(sid, startedAt);
          return await refreshLocked(sid, stale);
        } finally {
          await lock.release().catch(() => undefined);
        }
      }
      await sleep(pollDelay(attempt));
      const next = await successor(sid, stale, 'session_expired');
      if (next) return next;
      await checkFailedSince(sid, startedAt);
      if (Date.now() - startedAt >= waitMs) {
        throw new AppError('medicare_unavailable', {
          reason: 'token_unavailable',
          detail: { fault: 'wait_timeout' },
        });
      }
    }
  }

  function renew(sid: string, stale: string, signal?: AbortSignal): Promise<TokenRecord> {
    signal?.throwIfAborted();
    let pending = inflight.get(sid);
    if (!pending) {
      const started = refreshShared(sid, stale).finally(() => {
        if (inflight.get(sid) === started) inflight.delete(sid);
      });
      inflight.set(sid, started);
      pending = started;
    }
    return unlessAborted(pending, signal);
  }

  // A minute before expiry; for tokens shorter-lived than two minutes, at half-life, so that a token just
  // issued is never refreshed again by the requests that follow it.
  const refreshMargin = (r: TokenRecord) =>
    r.issuedAt === undefined ? skewMs : Math.min(skewMs, Math.max(0, (r.tokens.expiresAt - r.issuedAt) / 2));

  const cannotRefresh = (r: TokenRecord) => !refreshOnExpire || r.tokens.refreshToken === null;

  return {
    async save(sid, tokens) {
      const record: TokenRecord = { tokens, rotation: 0, createdAt: now(), issuedAt: now() };
      if (!(await writeIf(sid, record, null)))
        throw new Error('A token record already exists for this session');
      return record;
    },
    get: read,
    async getAccessToken(sid, signal) {
      const { value: record } = await readLive(sid);
      const { accessToken, expiresAt } = record.tokens;
      if (expiresAt - now() > refreshMargin(record)) return accessToken;
      if (cannotRefresh(record)) {
        if (expiresAt > now()) return accessToken;
        throw reconnect('token_expired');
      }
      return (await renew(sid, accessToken, signal)).tokens.accessToken;
    },
    async replaceAfterUnauthorized(sid, rejected, signal) {
      const { value: record } = await readLive(sid);
      if (record.tokens.accessToken !== rejected) return record.tokens.accessToken;
      if (cannotRefresh(record)) throw reconnect('token_expired');
      return (await renew(sid, rejected, signal)).tokens.accessToken;
    },
    async delete(sid) {
      await store.delete(tokenRecordKey(sid), refreshFailureKey(sid));
    },
  };
}

const globalForTokens = globalThis as typeof globalThis & { __bbTokenManager?: TokenManager };

/** This process's token manager: the shared secure store, Blue Button's refresh endpoint, the configured rules. */
export function getTokenManager(): TokenManager {
  if (!globalForTokens.__bbTokenManager) {
    const config = getConfig();
    globalForTokens.__bbTokenManager = createTokenManager({
      store: getSecureStore(),
      refresh: (refreshToken) => refreshTokens(refreshToken),
      refreshOnExpire: config.tokenRefreshOnExpire,
      sessionTtlSeconds: config.sessionMaxHours * 3600,
      lockTtlMs: config.refreshLockTtlMs,
      waitMs: config.tokenTimeoutMs + REFRESH_LOCK_GRACE_MS,
      discard: (tokens) => revokeTokenSet(tokens),
    });
  }
  return globalForTokens.__bbTokenManager;
}
