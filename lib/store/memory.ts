import 'server-only';
import { randomUUID } from 'node:crypto';
import { checkLockTtl, ttlSecondsToMs, type KeyValueStore, type Lock } from './kv';

/**
 * An in-process {@link KeyValueStore}: a `Map` with per-entry expiry, for local development and a single
 * instance. Expired entries are dropped when read (lazily) and when room is needed; the entry count is
 * bounded, evicting the least recently written entry when full. Locks only exclude callers in this
 * process; several instances need `redis.ts`.
 */

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Most entries kept, values and locks together (default 10,000). */
  maxEntries?: number;
  /** The clock, in epoch milliseconds (default `Date.now`). */
  now?: () => number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

const SWEEP_LIMIT = 64;

/** Creates an empty in-memory store. */
export function createMemoryStore(options: MemoryStoreOptions = {}): KeyValueStore {
  const maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let closed = false;

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function makeRoom(): void {
    let scanned = 0;
    const t = now();
    for (const [key, entry] of entries) {
      if (entries.size < maxEntries || scanned++ >= SWEEP_LIMIT) break;
      if (entry.expiresAt <= t) entries.delete(key);
    }
    while (entries.size >= maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  }

  function put(key: string, value: string, ttlMs: number): void {
    entries.delete(key);
    makeRoom();
    entries.set(key, { value, expiresAt: now() + ttlMs });
  }

  function open(): void {
    if (closed) throw new Error('Memory store is closed');
  }

  return {
    async get(key) {
      open();
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlSeconds) {
      open();
      put(key, value, ttlSecondsToMs(ttlSeconds));
    },
    async delete(...keys) {
      open();
      for (const key of keys) entries.delete(key);
    },
    async tryLock(key, ttlMs) {
      open();
      const ms = checkLockTtl(ttlMs);
      if (live(key)) return null;
      const token = randomUUID();
      put(key, token, ms);
      const lock: Lock = {
        async release() {
          if (live(key)?.value === token) entries.delete(key);
        },
      };
      return lock;
    },
    async close() {
      closed = true;
      entries.clear();
    },
  };
}
