/**
 * Token, code and id generation. oauthlib's generator makes 30 characters of `[A-Za-z0-9]`
 * (docs/blue-button.md §2.3); canary mode prefixes them so leak scans can find them
 * (docs/reliability.md #46).
 */
import { randomInt, randomUUID } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random characters from `[A-Za-z0-9]`. */
export function randomAlnum(length = 30): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** What a generated secret is used as. */
export type SecretKind = 'access' | 'refresh' | 'code';

const CANARY_PREFIX: Record<SecretKind, string> = {
  access: 'CANARY_AT_',
  refresh: 'CANARY_RT_',
  code: 'CANARY_CODE_',
};

/** A new access token, refresh token or authorization code (30 characters, prefixed in canary mode). */
export function newSecret(kind: SecretKind, canary: boolean): string {
  return (canary ? CANARY_PREFIX[kind] : '') + randomAlnum(30);
}

/** A random UUID (bundle ids, consent page ids). */
export function newUuid(): string {
  return randomUUID();
}
