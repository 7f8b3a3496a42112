import { AppError } from '@/lib/errors';
import { isTerminalReason, type ReconnectReason } from '@/lib/reconnect-reasons';

/**
 * Failures of Blue Button's OAuth endpoints, each mapped to a {@link ReconnectReason} from the server's
 * status, `error` code and, where BB2 reuses one code for several cases, its `error_description`
 * (docs/blue-button.md §2.3, §3; RFC 6749 §5.2). The description decides the reason and is then dropped: it
 * is neither in the error nor in any log.
 */

/** Which call failed. */
export type OAuthOperation = 'exchange' | 'refresh' | 'revoke' | 'userinfo';

/**
 * The {@link AppError} of a failed OAuth call: `reconnect_required` when the reason is terminal (retrying with
 * the same tokens cannot succeed), else `medicare_unavailable`; both carry the reason, and the detail the HTTP
 * status (null when no answer came) and the server's `error` code.
 */
export function oauthError(
  operation: OAuthOperation,
  reason: ReconnectReason,
  upstreamStatus: number | null,
  upstreamCode: string | null = null,
): AppError {
  const detail = { operation, upstreamStatus, upstreamCode };
  return isTerminalReason(reason)
    ? new AppError('reconnect_required', { reason, detail })
    : new AppError('medicare_unavailable', { reason, detail });
}

/** The `error` and `error_description` (or BB2's `detail`/`message`) of an error body, if it is JSON. */
export function readErrorBody(text: string): { error: string | null; description: string | null } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: null, description: null };
  }
  if (!body || typeof body !== 'object') return { error: null, description: null };
  const record = body as Record<string, unknown>;
  const str = (value: unknown) => (typeof value === 'string' && value ? value : null);
  return {
    error: str(record.error),
    description: str(record.error_description) ?? str(record.detail) ?? str(record.message),
  };
}

const PKCE_TEXT = /code[ _]?verifier|code[ _]?challenge|pkce/i;

/** Maps a non-200 answer of the token endpoint to a reason (docs/blue-button.md §2.3, §3). */
export function tokenErrorReason(
  operation: 'exchange' | 'refresh',
  status: number,
  error: string | null,
  description: string | null,
): ReconnectReason {
  const text = description ?? '';
  if (status >= 500 || status === 429 || status === 408) return 'token_unavailable';
  if (error === 'invalid_client') {
    if (status === 403 && /not allowed to refresh/i.test(text)) return 'one_time_app';
    if (status === 403 && /temporarily inactive/i.test(text)) return 'app_inactive';
    return 'invalid_client';
  }
  if (operation === 'exchange') {
    if (PKCE_TEXT.test(text)) return 'pkce_mismatch';
    return error === 'invalid_grant' ? 'callback_replay' : 'unknown';
  }
  if (error === 'invalid_grant') {
    if (status === 401 || /timed out|has expired/i.test(text)) return 'grant_expired';
    if (status === 403) return 'access_revoked';
    return 'refresh_reused';
  }
  if (error === 'invalid_request' && /refresh token not found/i.test(text)) return 'refresh_reused';
  return 'unknown';
}

/**
 * Maps a failed userinfo call (other than the 403 of withheld demographics) to a reason
 * (docs/blue-button.md §3, §4).
 */
export function userinfoErrorReason(status: number, description: string | null): ReconnectReason {
  const text = description ?? '';
  if (status >= 500 || status === 429 || status === 408) return 'token_unavailable';
  if (/timed out/i.test(text)) return 'grant_expired';
  if (/temporarily inactive/i.test(text)) return 'app_inactive';
  return status === 401 ? 'token_expired' : 'unknown';
}

/** Maps a failed revocation (RFC 7009 §2.2.1) to a reason. */
export function revokeErrorReason(
  status: number,
  error: string | null,
  description: string | null,
): ReconnectReason {
  if (status >= 500 || status === 429 || status === 408) return 'token_unavailable';
  if (error === 'invalid_client') {
    return status === 403 && /temporarily inactive/i.test(description ?? '')
      ? 'app_inactive'
      : 'invalid_client';
  }
  return 'unknown';
}
