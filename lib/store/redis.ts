import 'server-only';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { AppError } from '@/lib/errors';
import { checkLockTtl, ttlSecondsToMs, type KeyValueStore, type Lock } from './kv';

/**
 * A {@link KeyValueStore} on Redis (ioredis), shared by every app instance. `redis://` and `rediss://`
 * (TLS, as Upstash and other hosted Redis require) URLs both work. Locks follow the single-instance
 * Redis pattern (https://redis.io/docs/latest/develop/use/patterns/distributed-locks/): `SET key token
 * NX PX ttl` with a random token, released by a Lua compare-and-delete so a holder never frees a lock
 * that expired and was taken by someone else. Compare-and-set is a Lua script too (EVAL runs atomically,
 * https://redis.io/docs/latest/develop/interact/programmability/eval-intro/). Redis chooses what to evict
 * by its own `maxmemory-policy`, so the `evictable` hint is not needed here (docs/sessions.md). Every failure becomes an {@link AppError} `service_unavailable`
 * whose detail names the operation and a low-level code only: never a URL, password, key or value.
 */

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`. Never logged. */
  url: string;
  /** Prepended to every key and lock name (default `mcd:`), so apps can share a database. */
  keyPrefix?: string;
  /** How long to wait for a connection (default 5 s). */
  connectTimeoutMs?: number;
  /** How long to wait for one command's answer (default 2 s). */
  commandTimeoutMs?: number;
  /** PEM of a private CA to trust for `rediss://` (default: the system's CAs, enough for Upstash). */
  tlsCa?: string;
}

const RELEASE_SCRIPT =
  'if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end';

/** KEYS[1]; ARGV: "1" and the expected value, or "0" for "must be absent"; the new value; its TTL in ms. */
const COMPARE_AND_SET_SCRIPT = `
local current = redis.call("get", KEYS[1])
if ARGV[1] == "0" then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
redis.call("set", KEYS[1], ARGV[3], "PX", ARGV[4])
return 1`;

function failureCode(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
  if (/timed out/i.test(err.message)) return 'timeout';
  if (err.name === 'MaxRetriesPerRequestError' || /connection is closed/i.test(err.message)) {
    return 'unreachable';
  }
  const word = /^([A-Z]{3,20})\b/.exec(err.message)?.[1];
  return word ?? err.name;
}

/** Creates a store on the Redis at `options.url`. Connects on first use. */
export function createRedisStore(options: RedisStoreOptions): KeyValueStore {
  const client = new Redis(options.url, {
    lazyConnect: true,
    keyPrefix: options.keyPrefix ?? 'mcd:',
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...(options.tlsCa && options.url.startsWith('rediss://') ? { tls: { ca: options.tlsCa } } : {}),
  });
  // Failures reach callers through the rejected command; the event itself carries nothing to keep.
  client.on('error', () => {});

  async function run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (err) {
      throw new AppError('service_unavailable', {
        detail: { operation, systemCode: failureCode(err) ?? null },
      });
    }
  }

  return {
    get: (key) => run('get', () => client.get(key)),
    async set(key, value, ttlSeconds) {
      const ms = ttlSecondsToMs(ttlSeconds);
      await run('set', () => client.set(key, value, 'PX', ms));
    },
    async compareAndSet(key, expected, value, ttlSeconds) {
      const ms = ttlSecondsToMs(ttlSeconds);
      const args = expected === null ? ['0', ''] : ['1', expected];
      const done = await run('compare-and-set', () =>
        client.eval(COMPARE_AND_SET_SCRIPT, 1, key, ...args, value, String(ms)),
      );
      return done === 1;
    },
    async delete(...keys) {
      if (keys.length > 0) await run('delete', () => client.del(...keys));
    },
    async tryLock(key, ttlMs) {
      const ms = checkLockTtl(ttlMs);
      const token = randomUUID();
      const taken = await run('lock', () => client.set(key, token, 'PX', ms, 'NX'));
      if (taken !== 'OK') return null;
      const lock: Lock = {
        async release() {
          await run('unlock', () => client.eval(RELEASE_SCRIPT, 1, key, token));
        },
      };
      return lock;
    },
    async close() {
      if (client.status !== 'ready') {
        client.disconnect();
        return;
      }
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
