/**
 * PKCE S256 verification as BB2 does it (WEB `apps/pkce/oauth2_server.py`, RFC 7636 §4.6): the
 * verifier is 43–128 characters and `base64url(sha256(verifier))` must equal the stored challenge,
 * trailing `=` padding ignored (docs/blue-button.md §2.2).
 */
import { createHash } from 'node:crypto';

/** The S256 challenge of a verifier, unpadded base64url. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'utf8').digest('base64url');
}

/** True when `verifier` is acceptable and matches `challenge`. */
export function verifyS256(verifier: string, challenge: string): boolean {
  if (verifier.length < 43 || verifier.length > 128) return false;
  return s256Challenge(verifier) === challenge.replace(/=+$/, '');
}
