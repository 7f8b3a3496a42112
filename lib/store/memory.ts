import 'server-only';
import { randomUUID } from 'node:crypto';
import { checkLockTtl, ttlSecondsToMs, type KeyValueStore, type Lock, type SetOptions } from './kv';

/**
 * An in-process {@link KeyValueStore}: maps with per-entry expiry, for local development and a single
 * instance. It is bounded by bytes, not entries: one session's cached claims can weigh megabytes while a
 * token record weighs a kilobyte. When a write needs room, expired entries go first, then evictable values
 * (cached data, least recently written first), and only then other entries (tokens, session markers, locks),
 * so a full store never drops a live session to make room for claims it can fetch again. Locks only exclude
 * callers in this process; several instances need `redis.ts`.
 */

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Most bytes kept, keys, values and a per-entry overhead together (default 256 MB). */
  maxBytes?: number;
  /** The clock, in epoch milliseconds (default `Date.now`). */
  now?: () => number;
}

interface Entry {
  value: string;
  expiresAt: number;
  bytes: number;
}

/** What an entry costs besides its key and value: the map slot and the entry object, roughly. */
export const ENTRY_OVERHEAD_BYTES = 96;
const SWEEP_LIMIT = 64;

const sizeOf = (key: string, value: string) =>
  Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8') + ENTRY_OVERHEAD_BYTES;

/** Creates an empty in-memory store. */
export function createMemoryStore(options: MemoryStoreOptions = {}): KeyValueStore {
  const maxBytes = Math.max(1, options.maxBytes ?? 256 * 1024 * 1024);
  const now = options.now ?? Date.now;
  // Two tiers, each in write order (a Map iterates in insertion order): what may go first, and the rest.
  const evictable = new Map<string, Entry>();
  const durable = new Map<string, Entry>();
  let bytes = 0;
  let closed = false;

  function remove(key: string): void {
    for (const tier of [evictable, durable]) {
      const entry = tier.get(key);
      if (entry) {
        bytes -= entry.bytes;
        tier.delete(key);
      }
    }
  }

  function live(key: string): Entry | undefined {
    const entry = evictable.get(key) ?? durable.get(key);
    if (entry && entry.expiresAt <= now()) {
      remove(key);
      return undefined;
    }
    return entry;
  }

  function sweepExpired(tier: Map<string, Entry>): void {
    let scanned = 0;
    const t = now();
    for (const [key, entry] of tier) {
      if (scanned++ >= SWEEP_LIMIT) break;
      if (entry.expiresAt <= t) remove(key);
    }
  }

  /** Frees room for `needed` bytes; false when even an empty evictable tier leaves too little. */
  function makeRoom(needed: number, canTakeDurable: boolean): boolean {
    if (bytes + needed <= maxBytes) return true;
    sweepExpired(evictable);
    sweepExpired(durable);
    const tiers = canTakeDurable ? [evictable, durable] : [evictable];
    for (const tier of tiers) {
      while (bytes + needed > maxBytes) {
        const oldest = tier.keys().next();
        if (oldest.done) break;
        remove(oldest.value);
      }
    }
    return bytes + needed <= maxBytes;
  }

  function put(key: string, value: string, ttlMs: number, options: SetOptions = {}): void {
    remove(key);
    const size = sizeOf(key, value);
    if (size > maxBytes || !makeRoom(size, !options.evictable)) {
      // A value that can be fetched again is simply not kept; anything else must fit.
      if (options.evictable) return;
      throw new RangeError('The value is larger than the memory store');
    }
    (options.evictable ? evictable : durable).set(key, { value, expiresAt: now() + ttlMs, bytes: size });
    bytes += size;
  }

  function open(): void {
    if (closed) throw new Error('Memory store is closed');
  }

  return {
    async get(key) {
      open();
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlSeconds, setOptions) {
      open();
      put(key, value, ttlSecondsToMs(ttlSeconds), setOptions);
    },
    async compareAndSet(key, expected, value, ttlSeconds) {
      open();
      const ms = ttlSecondsToMs(ttlSeconds);
      if ((live(key)?.value ?? null) !== expected) return false;
      put(key, value, ms);
      return true;
    },
    async delete(...keys) {
      open();
      for (const key of keys) remove(key);
    },
    async tryLock(key, ttlMs) {
      open();
      const ms = checkLockTtl(ttlMs);
      if (live(key)) return null;
      const token = randomUUID();
      put(key, token, ms);
      const lock: Lock = {
        async release() {
          if (live(key)?.value === token) remove(key);
        },
      };
      return lock;
    },
    async close() {
      closed = true;
      evictable.clear();
      durable.clear();
      bytes = 0;
    },
  };
}
