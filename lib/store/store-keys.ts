import { createHash, hkdfSync } from 'node:crypto';

/**
 * The encryption keys of the secure store. The current key seals every record; previous keys only open
 * records sealed before a rotation. Each record names its key by a short id, a hash of the key (never the
 * key), so a rotation needs no bookkeeping: an operator lists keys, the ids follow. The current key is
 * `TOKEN_STORE_KEY` (32 random bytes, base64) when set, otherwise a key derived from NEXTAUTH_SECRET with
 * HKDF-SHA256 (RFC 5869). Rotation: docs/sessions.md, "Rotating the token store key".
 */

/** One AES-256 key and its id. */
export interface StoreKey {
  /** 8 base64url characters: the start of SHA-256 over a label and the key. */
  id: string;
  key: Buffer;
}

/** The key that seals, and the keys that may still open. */
export interface StoreKeyring {
  current: StoreKey;
  previous: readonly StoreKey[];
}

const KEY_BYTES = 32;
const HKDF_SALT = 'medicare-claims-dashboard:secure-store:v1';
const HKDF_INFO = 'server-side token store record encryption (AES-256-GCM)';

/** The 32 bytes of a key written in base64 or base64url (as `openssl rand -base64 32` prints it); else null. */
export function decodeStoreKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === KEY_BYTES ? bytes : null;
}

/** A key with its id. */
export function storeKey(key: Buffer): StoreKey {
  const id = createHash('sha256')
    .update('medicare-claims-dashboard:store-key-id\u0000')
    .update(key)
    .digest('base64url')
    .slice(0, 8);
  return { id, key };
}

/** The key derived from the auth secret, used when no `TOKEN_STORE_KEY` is configured. */
export function deriveStoreKey(secret: string): StoreKey {
  if (!secret) throw new Error('A store key needs a non-empty secret');
  return storeKey(Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, KEY_BYTES)));
}

/**
 * The keyring from configuration: `key` (TOKEN_STORE_KEY) or the key derived from `secret`, and the
 * previous keys (TOKEN_STORE_PREVIOUS_KEYS), without duplicates. Throws on a key that does not decode.
 */
export function storeKeyring(options: {
  secret: string;
  key?: string | undefined;
  previousKeys?: readonly string[];
}): StoreKeyring {
  const decode = (text: string) => {
    const bytes = decodeStoreKey(text);
    if (!bytes) throw new Error('A token store key must be 32 bytes written in base64');
    return storeKey(bytes);
  };
  const current = options.key ? decode(options.key) : deriveStoreKey(options.secret);
  const previous = new Map<string, StoreKey>();
  for (const text of options.previousKeys ?? []) {
    const key = decode(text);
    if (key.id !== current.id) previous.set(key.id, key);
  }
  return { current, previous: [...previous.values()] };
}
