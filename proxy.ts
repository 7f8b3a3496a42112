import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/cookies';

/**
 * Sends visitors without a session cookie from the dashboard to the home page. It only redirects: pages, the
 * data layer and every route handler check the session themselves.
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies
    .getAll()
    .some(({ name }) => name === SESSION_COOKIE || name === `__Secure-${SESSION_COOKIE}`);
  if (hasSession) return NextResponse.next();
  return NextResponse.redirect(new URL('/', request.url));
}

export const config = { matcher: ['/dashboard/:path*', '/account/:path*'] };
