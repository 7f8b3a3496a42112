import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ZodType } from 'zod';
import type { KeyValueStore, Lock } from './kv';

/**
 * Encrypted JSON records on a {@link KeyValueStore}. Each value is sealed with AES-256-GCM (NIST SP
 * 800-38D) under a key derived from the auth secret with HKDF-SHA256 (RFC 5869), with a random 96-bit IV
 * and the record's key as additional authenticated data, so a record copied under another key does not
 * open. Stored form: `v1.<iv>.<ciphertext>.<tag>` (base64url); records over 16 KB (a session's claims) are
 * deflated before sealing and stored as `v1z.…`, which keeps them well under hosted Redis request limits. A
 * record that was tampered with, sealed
 * under another secret or another key, or that does not match the caller's schema reads as absent.
 */

/** Encrypted, schema-checked JSON storage. */
export interface SecureStore {
  /** The record under `key` if it opens and matches `schema`; otherwise null. Never throws on bad data. */
  getJson<T>(key: string, schema: ZodType<T>): Promise<T | null>;
  /** Seals `value` (JSON-serialisable) under `key` for `ttlSeconds`. */
  setJson(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  /** Removes records. */
  delete(...keys: string[]): Promise<void>;
  /** An expiring lock named after `key`, kept apart from the records (see {@link KeyValueStore.tryLock}). */
  tryLock(key: string, ttlMs: number): Promise<Lock | null>;
}

const FORMAT = 'v1';
const DEFLATED = 'v1z';
const DEFLATE_FROM_BYTES = 16 * 1024;
const HKDF_SALT = 'medicare-claims-dashboard:secure-store:v1';
const HKDF_INFO = 'server-side token store record encryption (AES-256-GCM)';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const recordKey = (key: string) => `rec:${key}`;
const lockKey = (key: string) => `lock:${key}`;
const additionalData = (format: string, key: string) => Buffer.from(`${format}\u0000${key}`, 'utf8');

/** Wraps `kv` so that every record is sealed with a key derived from `secret` (the auth secret). */
export function createSecureStore(kv: KeyValueStore, secret: string): SecureStore {
  if (!secret) throw new Error('createSecureStore needs a non-empty secret');
  const aesKey = Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, 32));

  function seal(key: string, plaintext: string): string {
    let bytes = Buffer.from(plaintext, 'utf8');
    const format = bytes.length > DEFLATE_FROM_BYTES ? DEFLATED : FORMAT;
    if (format === DEFLATED) bytes = deflateRawSync(bytes, { level: 1 });
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', aesKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(format, key));
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return [format, iv, body, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  function open(key: string, sealed: string): string | null {
    const [format, ivText, bodyText, tagText, ...rest] = sealed.split('.');
    if (format !== FORMAT && format !== DEFLATED) return null;
    if (rest.length > 0 || !ivText || bodyText === undefined || !tagText) return null;
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', aesKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(format, key));
      decipher.setAuthTag(tag);
      const bytes = Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]);
      return (format === DEFLATED ? inflateRawSync(bytes) : bytes).toString('utf8');
    } catch {
      return null;
    }
  }

  return {
    async getJson<T>(key: string, schema: ZodType<T>): Promise<T | null> {
      const sealed = await kv.get(recordKey(key));
      const plaintext = sealed === null ? null : open(key, sealed);
      if (plaintext === null) return null;
      let value: unknown;
      try {
        value = JSON.parse(plaintext);
      } catch {
        return null;
      }
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : null;
    },
    async setJson(key, value, ttlSeconds) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError('setJson needs a JSON-serialisable value');
      await kv.set(recordKey(key), seal(key, json), ttlSeconds);
    },
    async delete(...keys) {
      await kv.delete(...keys.map(recordKey));
    },
    tryLock: (key, ttlMs) => kv.tryLock(lockKey(key), ttlMs),
  };
}
