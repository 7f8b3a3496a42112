import 'server-only';
import { getTokenManager } from '@/lib/auth/tokens';
import type { TokenSource } from '@/lib/bluebutton/token-source';

/** The Blue Button client's tokens for one session, through the single-flight token manager. */
export function sessionTokenSource(sid: string): TokenSource {
  const manager = getTokenManager();
  return {
    getAccessToken: () => manager.getAccessToken(sid),
    replaceAfterUnauthorized: (rejected) => manager.replaceAfterUnauthorized(sid, rejected),
  };
}
