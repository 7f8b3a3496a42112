import 'server-only';
import { refreshTokens } from '@/lib/bluebutton/oauth';
import { getConfig } from '@/lib/config';
import { getSecureStore } from '@/lib/store';
import { createTokenManager, type TokenManager } from './token-manager';

const globalForTokens = globalThis as typeof globalThis & { __bbTokenManager?: TokenManager };

/** This process's token manager: the shared secure store, Blue Button's refresh endpoint, the configured rules. */
export function getTokenManager(): TokenManager {
  if (!globalForTokens.__bbTokenManager) {
    const config = getConfig();
    globalForTokens.__bbTokenManager = createTokenManager({
      store: getSecureStore(),
      refresh: (refreshToken) => refreshTokens(refreshToken),
      refreshOnExpire: config.tokenRefreshOnExpire,
      sessionTtlSeconds: config.sessionMaxHours * 3600,
    });
  }
  return globalForTokens.__bbTokenManager;
}
