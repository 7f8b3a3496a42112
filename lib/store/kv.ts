import 'server-only';

/**
 * The small key-value contract the server-side token store is built on: string values with a TTL,
 * multi-key delete, an atomic compare-and-set and a best-effort mutual-exclusion lock with an expiry (the
 * single-instance Redis lock pattern, https://redis.io/docs/latest/develop/use/patterns/distributed-locks/).
 * Two backends implement it: `memory.ts` (one process) and `redis.ts` (shared by every instance). A store
 * that cannot be reached fails with an `AppError` `service_unavailable` (lib/errors.ts).
 */

/** A held lock. Releasing a lock that already expired, or that another holder now owns, does nothing. */
export interface Lock {
  release(): Promise<void>;
}

/** How a value may be treated when a store runs short of room. */
export interface SetOptions {
  /**
   * The value can be fetched again (a session's cached claims, a load's progress): a store short of room
   * drops such values before any other (docs/sessions.md, "The in-memory store").
   */
  evictable?: boolean;
}

/** A string key-value store with expiring entries and expiring locks. */
export interface KeyValueStore {
  /** The value, or null when the key is absent or expired. */
  get(key: string): Promise<string | null>;
  /** Stores `value` under `key` for `ttlSeconds` (> 0; fractions allowed), replacing any value. */
  set(key: string, value: string, ttlSeconds: number, options?: SetOptions): Promise<void>;
  /**
   * Stores `value` only if the key holds exactly `expected` (null: only if the key is absent or expired),
   * atomically; true when it did. The fence of the token records (docs/sessions.md, "Refresh fencing").
   */
  compareAndSet(key: string, expected: string | null, value: string, ttlSeconds: number): Promise<boolean>;
  /** Removes the keys; absent keys are ignored. */
  delete(...keys: string[]): Promise<void>;
  /**
   * Takes the lock named `key` for `ttlMs` unless someone holds it; null when it is held. The TTL frees
   * the lock if its holder dies. Lock names share the key space with values.
   */
  tryLock(key: string, ttlMs: number): Promise<Lock | null>;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** Checks a TTL in seconds and returns it in whole milliseconds (at least 1). */
export function ttlSecondsToMs(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError('ttlSeconds must be a positive number');
  }
  return Math.max(1, Math.ceil(ttlSeconds * 1000));
}

/** Checks a lock TTL in milliseconds and returns it as a whole number (at least 1). */
export function checkLockTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError('ttlMs must be a positive number');
  return Math.max(1, Math.ceil(ttlMs));
}
