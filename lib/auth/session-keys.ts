import 'server-only';
import { createHmac, hkdfSync } from 'node:crypto';
import { getConfig } from '@/lib/config';

/**
 * The store keys of a session's records. A session id never appears in the store: every key carries an
 * HMAC-SHA256 of the id under a key derived from NEXTAUTH_SECRET (HKDF, RFC 5869), so neither the key list
 * nor a dump of the store leads to a cookie, and a new secret starts a new key space. `KEY_VERSION` is raised
 * whenever the scheme changes; keys of an older scheme are never read again and expire with their TTL
 * (docs/sessions.md, "Store keys").
 */
const KEY_VERSION = 2;
const HKDF_SALT = 'medicare-claims-dashboard:session-keys';
const HKDF_INFO = 'session id hashing for store keys (HMAC-SHA256)';

/** The records kept for a session: tokens, their last failed refresh, activity, why it ended, and its data. */
export type SessionRecordName =
  'tokens' | 'refresh-failed' | 'activity' | 'ended' | `data:v${number}:${'cache' | 'progress' | 'lock'}`;

let derived: { secret: string; key: Buffer } | undefined;

function hashingKey(): Buffer {
  const secret = getConfig().authSecret;
  if (derived?.secret !== secret) {
    derived = { secret, key: Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, 32)) };
  }
  return derived.key;
}

/** The store key of one of a session's records: `session:v2:<HMAC of the id>:<name>`. */
export function sessionKey(sid: string, name: SessionRecordName): string {
  const digest = createHmac('sha256', hashingKey()).update(sid, 'utf8').digest('base64url');
  return `session:v${KEY_VERSION}:${digest}:${name}`;
}
