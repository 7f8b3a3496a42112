/** next-auth's session cookie; `__Secure-` prefixed when the app is served over https. */
export const SESSION_COOKIE = 'next-auth.session-token';

/** The session cookie's name for an app origin. */
export function sessionCookieNameFor(origin: string): string {
  return `${origin.startsWith('https://') ? '__Secure-' : ''}${SESSION_COOKIE}`;
}

/** A `Set-Cookie` value that removes an auth cookie (a `__Secure-` cookie is only removable with `Secure`). */
export function expiredCookie(name: string, origin: string): string {
  const secure = origin.startsWith('https://') ? '; Secure' : '';
  return `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
}
