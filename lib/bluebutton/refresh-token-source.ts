import 'server-only';
import type { TokenSource } from './token-source';

/**
 * A {@link TokenSource} that holds one token pair in memory and, after a 401, refreshes it at the token
 * endpoint (`grant_type=refresh_token` with HTTP Basic client credentials, RFC 6749 §6,
 * https://www.rfc-editor.org/rfc/rfc6749#section-6; Blue Button rotates both tokens, API-FACTS.md §2.4).
 * For tests, scripts and benchmarks; the app's session layer brings its own, shared across instances.
 */

/** Options of {@link createRefreshTokenSource}. */
export interface RefreshTokenSourceOptions {
  /** `…/vN/o/token/`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  accessToken: string;
  refreshToken: string;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** A token source that also tells how often it refreshed. */
export interface RefreshTokenSource extends TokenSource {
  readonly refreshes: number;
}

/** An error of the token endpoint, with its status and OAuth `error` code only. */
export class TokenRefreshError extends Error {
  constructor(
    readonly status: number,
    readonly oauthError: string | null,
  ) {
    super(`The token endpoint refused the refresh: ${status}${oauthError ? ` ${oauthError}` : ''}.`);
    this.name = 'TokenRefreshError';
  }
}

/** A token source over one token pair; concurrent replacements of the same token share one refresh. */
export function createRefreshTokenSource(options: RefreshTokenSourceOptions): RefreshTokenSource {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let access = options.accessToken;
  let refresh = options.refreshToken;
  let refreshes = 0;
  let pending: Promise<string> | undefined;

  async function refreshNow(signal?: AbortSignal): Promise<string> {
    refreshes += 1;
    const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
    const response = await doFetch(options.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh }),
      ...(signal ? { signal } : {}),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof body.access_token !== 'string') {
      throw new TokenRefreshError(response.status, typeof body.error === 'string' ? body.error : null);
    }
    access = body.access_token;
    if (typeof body.refresh_token === 'string') refresh = body.refresh_token;
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
