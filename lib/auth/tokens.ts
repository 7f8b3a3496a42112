import 'server-only';
import { z } from 'zod';
import { sleep, unlessAborted } from '@/lib/async';
import { refreshTokens } from '@/lib/bluebutton/oauth';
import { tokenSetSchema, type TokenSet } from '@/lib/bluebutton/token-set';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { isTerminalReason, RECONNECT_REASON_CODES, type ReconnectReason } from '@/lib/reconnect-reasons';
import { getSecureStore } from '@/lib/store';
import type { SecureStore } from '@/lib/store/secure-store';
import { sessionKey } from './session-keys';

/**
 * Server-side tokens per session and the one path that refreshes them. Blue Button rotates refresh
 * tokens with no grace period (docs/blue-button.md §2.4), so two refreshes of one session would log it out
 * (RFC 9700 §4.14): refreshes are single-flight inside the process and behind a store lock across
 * processes. Whoever loses the race waits and re-reads the winner's tokens. A token POST is never
 * retried; a failure that no retry can fix marks the record so nobody tries the dead token again.
 */

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
  /** Lifetime of the cross-process refresh lock; frees it if its holder dies (default 30 s). */
  lockTtlMs?: number;
  /** How long a caller waits for another caller's refresh before giving up (default 15 s). */
  waitMs?: number;
  /** Absolute session lifetime; records expire this long after sign-in. */
  sessionTtlSeconds: number;
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

  async function read(sid: string): Promise<TokenRecord | null> {
    const record = await store.getJson(tokenRecordKey(sid), tokenRecordSchema);
    return record && secondsLeft(record) > 0 ? record : null;
  }

  async function readLive(sid: string): Promise<TokenRecord> {
    const record = await read(sid);
    if (!record) throw reconnect('session_expired');
    if (record.needsReconnect) throw reconnect(record.needsReconnect);
    return record;
  }

  async function write(sid: string, record: TokenRecord): Promise<void> {
    const ttl = secondsLeft(record);
    if (ttl <= 0) throw reconnect('session_expired');
    await store.setJson(tokenRecordKey(sid), record, ttl);
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
    // A racing instance (its lock expired) may have rotated first: its tokens land within moments.
    const graceEnds = Date.now() + (reason === 'refresh_reused' ? Math.min(REUSE_GRACE_MS, waitMs) : 0);
    for (let attempt = 0; ; attempt++) {
      const next = await successor(sid, used.tokens.accessToken, reason);
      if (next) return next;
      if (Date.now() >= graceEnds) break;
      await sleep(pollDelay(attempt));
    }
    await write(sid, { ...used, needsReconnect: reason });
    throw error;
  }

  async function refreshLocked(sid: string, stale: string): Promise<TokenRecord> {
    const current = await readLive(sid);
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
    // Signed out while refreshing: do not bring the session back.
    if (!(await read(sid))) throw reconnect('session_expired');
    await write(sid, next);
    return next;
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
      await write(sid, record);
      return record;
    },
    get: read,
    async getAccessToken(sid, signal) {
      const record = await readLive(sid);
      const { accessToken, expiresAt } = record.tokens;
      if (expiresAt - now() > refreshMargin(record)) return accessToken;
      if (cannotRefresh(record)) {
        if (expiresAt > now()) return accessToken;
        throw reconnect('token_expired');
      }
      return (await renew(sid, accessToken, signal)).tokens.accessToken;
    },
    async replaceAfterUnauthorized(sid, rejected, signal) {
      const record = await readLive(sid);
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
    });
  }
  return globalForTokens.__bbTokenManager;
}
