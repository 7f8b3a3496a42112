import 'server-only';
import { getConfig } from '@/lib/config';
import type { KeyValueStore } from './kv';
import { createMemoryStore } from './memory';
import { createRedisStore } from './redis';
import { createSecureStore, type SecureStore } from './secure-store';
import { storeKeyring } from './store-keys';

/**
 * The process-wide encrypted store: Redis when `REDIS_URL` is configured (required on Vercel, where
 * many instances share sessions), otherwise an in-memory map. The instance lives on `globalThis` so
 * that development hot reloads reuse it instead of opening another connection.
 */

export type { KeyValueStore, Lock } from './kv';
export type { SecureStore } from './secure-store';

interface Holder {
  kv: KeyValueStore;
  store: SecureStore;
}

const GLOBAL_KEY = Symbol.for('medicare-claims-dashboard.secure-store');
type GlobalWithStore = typeof globalThis & { [GLOBAL_KEY]?: Holder };

/** The shared {@link SecureStore} of this process, created on first use from {@link getConfig}. */
export function getSecureStore(): SecureStore {
  const scope = globalThis as GlobalWithStore;
  let holder = scope[GLOBAL_KEY];
  if (!holder) {
    const config = getConfig();
    const kv = config.redisUrl
      ? createRedisStore({ url: config.redisUrl })
      : createMemoryStore({ maxBytes: config.memoryStoreMaxMb * 1024 * 1024 });
    const keys = storeKeyring({
      secret: config.authSecret,
      key: config.tokenStoreKey,
      previousKeys: config.tokenStorePreviousKeys,
    });
    holder = { kv, store: createSecureStore(kv, keys) };
    scope[GLOBAL_KEY] = holder;
  }
  return holder.store;
}
