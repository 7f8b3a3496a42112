import { NextResponse, type NextRequest } from 'next/server';

/**
 * Sends visitors without a session cookie from the dashboard to the home page. It only redirects: pages, the
 * data layer and every route handler check the session themselves.
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies
    .getAll()
    .some(({ name }) => name === 'next-auth.session-token' || name === '__Secure-next-auth.session-token');
  if (hasSession) return NextResponse.next();
  return NextResponse.redirect(new URL('/', request.url));
}

export const config = { matcher: ['/dashboard/:path*', '/account/:path*'] };
