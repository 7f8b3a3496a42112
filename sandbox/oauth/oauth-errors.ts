/**
 * The two error body conventions of the token, revoke and introspect endpoints (docs/blue-button.md §2.4):
 * BB2's own errors (`json_response_from_oauth2_error`: `status_code`, `error`, `error_description`)
 * and plain oauthlib errors (`{"error": ...}` plus optional description, `no-store` headers and, on a
 * 401, `WWW-Authenticate`).
 */
import { djangoJson, NO_STORE_HEADERS } from '../http/responses';

/** An OAuth error raised by BB2 code or by oauthlib/DOT. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly status: number,
    readonly description?: string,
    /** `bb2`: body with `status_code`; `oauthlib`: the RFC 6749 §5.2 body. */
    readonly origin: 'bb2' | 'oauthlib' = 'oauthlib',
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'OAuthError';
  }
}

/** A BB2-raised error (`json_response_from_oauth2_error`). */
export function bb2Error(error: string, status: number, description?: string): OAuthError {
  return new OAuthError(error, status, description, 'bb2');
}

/** An oauthlib-raised error. */
export function oauthlibError(error: string, status = 400, description?: string): OAuthError {
  return new OAuthError(error, status, description, 'oauthlib');
}

/** Renders an OAuth error exactly as the real server does. */
export function oauthErrorResponse(err: OAuthError): Response {
  if (err.origin === 'bb2') {
    const body: Record<string, string | number> = { status_code: err.status, error: err.error };
    if (err.description) body.error_description = err.description;
    return djangoJson(body, err.status);
  }
  const body: Record<string, string> = { error: err.error };
  if (err.description) body.error_description = err.description;
  const headers: Record<string, string> = { ...NO_STORE_HEADERS };
  if (err.status === 401) {
    const attrs = [`error="${err.error}"`];
    if (err.description) attrs.push(`error_description="${err.description}"`);
    headers['WWW-Authenticate'] = `Bearer ${attrs.join(', ')}`;
  }
  return djangoJson(body, err.status, headers);
}
