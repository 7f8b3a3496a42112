/** Where a signed-in beneficiary lands by default. */
export const DEFAULT_AFTER_SIGN_IN = '/dashboard';

/**
 * Where next-auth may send the browser: a path on our own origin, otherwise the dashboard. Protocol-relative
 * (`//host`), backslash (`/\host`), other-origin and `javascript:` targets are all refused (no open redirect).
 */
export function safeRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const fallback = new URL(DEFAULT_AFTER_SIGN_IN, base).toString();
  if (url.includes('\\') || /[\u0000-\u001f]/.test(url)) return fallback;
  let target: URL;
  try {
    target = url.startsWith('/') && !url.startsWith('//') ? new URL(url, base) : new URL(url);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  if (target.pathname === '/' || target.pathname.startsWith('/api/auth/')) return fallback;
  return target.toString();
}
