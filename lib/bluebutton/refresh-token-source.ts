import 'server-only';
import type { FetchLike } from './transport';
import { refreshTokens, type OAuthCallOptions } from './oauth';
import type { TokenSource } from './token-source';

/**
 * A {@link TokenSource} that holds one token pair in memory and, after a 401, refreshes it with the app's own
 * refresh call ({@link refreshTokens}: `grant_type=refresh_token` with HTTP Basic client credentials, RFC 6749
 * §6, https://www.rfc-editor.org/rfc/rfc6749#section-6; Blue Button rotates both tokens,
 * docs/blue-button.md §2.4), so its failures are the app's too. For tests, scripts and benchmarks; the app's
 * session layer brings its own, shared across instances.
 */

/** Options of {@link createRefreshTokenSource}. */
export interface RefreshTokenSourceOptions {
  /** Blue Button's host, the app's credentials and the token timeout. */
  config: NonNullable<OAuthCallOptions['config']>;
  accessToken: string;
  refreshToken: string;
  fetch?: FetchLike;
}

/** A token source that also tells how often it refreshed. */
export interface RefreshTokenSource extends TokenSource {
  readonly refreshes: number;
}

/** A token source over one token pair; concurrent replacements of the same token share one refresh. */
export function createRefreshTokenSource(options: RefreshTokenSourceOptions): RefreshTokenSource {
  let access = options.accessToken;
  let refresh = options.refreshToken;
  let refreshes = 0;
  let pending: Promise<string> | undefined;

  async function refreshNow(signal?: AbortSignal): Promise<string> {
    refreshes += 1;
    const tokens = await refreshTokens(refresh, { config: options.config, fetch: options.fetch, signal });
    access = tokens.accessToken;
    if (tokens.refreshToken !== null) refresh = tokens.refreshToken;
    return access;
  }

  return {
    get refreshes() {
      return refreshes;
    },
    getAccessToken: async () => access,
    replaceAfterUnauthorized(rejected, signal) {
      if (rejected !== access) return Promise.resolve(access);
      pending ??= refreshNow(signal).finally(() => (pending = undefined));
      return pending;
    },
  };
}
