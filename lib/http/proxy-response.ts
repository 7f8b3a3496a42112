import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { blueButtonEndpoints } from '@/lib/bluebutton/endpoints';
import { appOrigin, type AppConfig } from '@/lib/config';
import { newRequestId, REQUEST_ID_HEADER } from '@/lib/request-id';
import { newNonce, securityHeaders } from './security-headers';

/**
 * What `proxy.ts` does with a request (docs/security.md):
 * - gives it a correlation id (`x-request-id`, on the request for the app and on the response; one sent by
 *   the client is replaced);
 * - sets the Content-Security-Policy with a fresh nonce on the request, where Next.js reads the nonce for its
 *   scripts, and on the response, with the other security headers and `Cache-Control: private, no-store` (a
 *   route that sets its own keeps it);
 * - sends visitors without a session cookie from the dashboard to the home page of the configured origin,
 *   never of the Host the request names. It only redirects: pages, the data layer and every route handler
 *   check the session themselves.
 */
export function proxyResponse(
  request: NextRequest,
  config: AppConfig,
  { dev }: { dev: boolean },
): NextResponse {
  const origin = appOrigin(config);
  const requestId = newRequestId();
  const headers = securityHeaders({
    nonce: newNonce(),
    dev,
    https: origin.startsWith('https://') || request.headers.get('x-forwarded-proto') === 'https',
    formTargets: [blueButtonEndpoints(config).origin],
  });

  let response: NextResponse;
  if (needsSession(request.nextUrl.pathname) && !hasSessionCookie(request)) {
    response = NextResponse.redirect(new URL('/', origin));
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set(REQUEST_ID_HEADER, requestId);
    forwarded.set('Content-Security-Policy', headers['Content-Security-Policy']!);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

function needsSession(pathname: string): boolean {
  return /^\/(dashboard|account)(\/|$)/.test(pathname);
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some(({ name }) => name === SESSION_COOKIE || name === `__Secure-${SESSION_COOKIE}`);
}
