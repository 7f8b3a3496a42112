/** next-auth's session cookie; `__Secure-` prefixed when auth cookies are secure. */
export const SESSION_COOKIE = 'next-auth.session-token';

/**
 * The session cookie's name: `__Secure-` prefixed when auth cookies are secure (`secureCookies` of
 * lib/config.ts: whenever the app is served over https, which production with CMS's API requires).
 */
export function sessionCookieNameFor(secure: boolean): string {
  return `${secure ? '__Secure-' : ''}${SESSION_COOKIE}`;
}

/** A `Set-Cookie` value that removes an auth cookie (a `__Secure-` cookie is only removable with `Secure`). */
export function expiredCookie(name: string, secure: boolean): string {
  return `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
