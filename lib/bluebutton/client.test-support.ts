import 'server-only';
import { LOCAL_APP, parseConfig } from '@/lib/config';
import type { BlueButtonClientConfig } from './client';
import { createRefreshTokenSource, type RefreshTokenSource } from './refresh-token-source';

/**
 * Helpers for tests and benchmarks of the Blue Button client against the local sandbox
 * (sandbox/README.md): a client configuration for a sandbox URL, and a token source for tokens from its
 * OAuth flow using the local app's registration.
 */

/** A client configuration for the Blue Button host at `baseUrl`, with the app's own defaults (lib/config.ts). */
export function testClientConfig(
  baseUrl: string,
  overrides: Partial<BlueButtonClientConfig> = {},
): BlueButtonClientConfig {
  const { version, retry, timeoutMs, pageConcurrency, maxPages } = parseConfig({ BB_BASE_URL: baseUrl });
  return { baseUrl, version, retry, timeoutMs, pageConcurrency, maxPages, ...overrides };
}

/** A refreshing token source for a token response of the sandbox at `baseUrl`. */
export function sandboxTokenSource(
  baseUrl: string,
  tokens: { access_token: string; refresh_token: string },
  fetchImpl?: (input: string, init: RequestInit) => Promise<Response>,
): RefreshTokenSource {
  const { tokenTimeoutMs } = parseConfig({ BB_BASE_URL: baseUrl });
  return createRefreshTokenSource({
    config: {
      baseUrl,
      version: 2,
      clientId: LOCAL_APP.clientId,
      clientSecret: LOCAL_APP.clientSecret,
      tokenTimeoutMs,
    },
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
