import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ZodType } from 'zod';
import type { KeyValueStore, Lock, SetOptions } from './kv';
import { deriveStoreKey, type StoreKey, type StoreKeyring } from './store-keys';

/**
 * Encrypted JSON records on a {@link KeyValueStore}. Each value is sealed with AES-256-GCM (NIST SP
 * 800-38D) under the keyring's current key (store-keys.ts), with a random 96-bit IV and the format, the key
 * id and the record's key as additional authenticated data, so a record copied under another key does not
 * open. Stored form: `v2.<key id>.<iv>.<ciphertext>.<tag>` (base64url); records over 16 KB (a session's
 * claims) are deflated before sealing and stored as `v2z.…`, which keeps them well under hosted Redis
 * request limits. A record sealed under a previous key still opens; one that was tampered with, sealed under
 * a key the ring does not hold or under another record key, written in an older format, or that does not
 * match the caller's schema reads as absent.
 */

/** A record read together with its stamp: the exact stored form, which {@link SecureStore.setJsonIf} compares. */
export interface Stamped<T> {
  value: T;
  stamp: string;
}

/** Encrypted, schema-checked JSON storage. */
export interface SecureStore {
  /** The record under `key` if it opens and matches `schema`; otherwise null. Never throws on bad data. */
  getJson<T>(key: string, schema: ZodType<T>): Promise<T | null>;
  /** Like {@link getJson}, with the stamp to write back against. */
  getJsonStamped<T>(key: string, schema: ZodType<T>): Promise<Stamped<T> | null>;
  /** Seals `value` (JSON-serialisable) under `key` for `ttlSeconds`. */
  setJson(key: string, value: unknown, ttlSeconds: number, options?: SetOptions): Promise<void>;
  /**
   * Seals `value` under `key` only if the stored record is still the one read with `stamp` (null: only if
   * there is none), atomically; true when written. Every rewrite seals with a fresh IV, so a record that was
   * written in between never matches an old stamp.
   */
  setJsonIf(key: string, value: unknown, ttlSeconds: number, stamp: string | null): Promise<boolean>;
  /** Removes records. */
  delete(...keys: string[]): Promise<void>;
  /** An expiring lock named after `key`, kept apart from the records (see {@link KeyValueStore.tryLock}). */
  tryLock(key: string, ttlMs: number): Promise<Lock | null>;
}

const FORMAT = 'v2';
const DEFLATED = 'v2z';
const DEFLATE_FROM_BYTES = 16 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const recordKey = (key: string) => `rec:${key}`;
const lockKey = (key: string) => `lock:${key}`;
const additionalData = (format: string, keyId: string, key: string) =>
  Buffer.from(`${format}\u0000${keyId}\u0000${key}`, 'utf8');

const toJson = (value: unknown) => {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('setJson needs a JSON-serialisable value');
  return json;
};

/**
 * Wraps `kv` so that every record is sealed with the keyring's current key. A string is the auth secret:
 * its derived key alone (development and tests).
 */
export function createSecureStore(kv: KeyValueStore, keys: StoreKeyring | string): SecureStore {
  const ring: StoreKeyring =
    typeof keys === 'string' ? { current: deriveStoreKey(keys), previous: [] } : keys;
  const byId = new Map<string, StoreKey>([ring.current, ...ring.previous].map((k) => [k.id, k]));

  function seal(key: string, plaintext: string): string {
    let bytes = Buffer.from(plaintext, 'utf8');
    const format = bytes.length > DEFLATE_FROM_BYTES ? DEFLATED : FORMAT;
    if (format === DEFLATED) bytes = deflateRawSync(bytes, { level: 1 });
    const { id, key: aesKey } = ring.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', aesKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(format, id, key));
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return [format, id, iv, body, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  function open(key: string, sealed: string): string | null {
    const [format, keyId, ivText, bodyText, tagText, ...rest] = sealed.split('.');
    if (format !== FORMAT && format !== DEFLATED) return null;
    if (rest.length > 0 || !keyId || !ivText || bodyText === undefined || !tagText) return null;
    const aesKey = byId.get(keyId)?.key;
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (!aesKey || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', aesKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(format, keyId, key));
      decipher.setAuthTag(tag);
      const bytes = Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]);
      return (format === DEFLATED ? inflateRawSync(bytes) : bytes).toString('utf8');
    } catch {
      return null;
    }
  }

  async function read<T>(key: string, schema: ZodType<T>): Promise<Stamped<T> | null> {
    const sealed = await kv.get(recordKey(key));
    const plaintext = sealed === null ? null : open(key, sealed);
    if (sealed === null || plaintext === null) return null;
    let value: unknown;
    try {
      value = JSON.parse(plaintext);
    } catch {
      return null;
    }
    const parsed = schema.safeParse(value);
    return parsed.success ? { value: parsed.data, stamp: sealed } : null;
  }

  return {
    async getJson(key, schema) {
      return (await read(key, schema))?.value ?? null;
    },
    getJsonStamped: read,
    async setJson(key, value, ttlSeconds, options) {
      await kv.set(recordKey(key), seal(key, toJson(value)), ttlSeconds, options);
    },
    async setJsonIf(key, value, ttlSeconds, stamp) {
      return kv.compareAndSet(recordKey(key), stamp, seal(key, toJson(value)), ttlSeconds);
    },
    async delete(...keys) {
      await kv.delete(...keys.map(recordKey));
    },
    tryLock: (key, ttlMs) => kv.tryLock(lockKey(key), ttlMs),
  };
}
