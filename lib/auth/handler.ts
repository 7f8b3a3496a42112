import 'server-only';
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { appOrigin, CALLBACK_PATH, getConfig } from '@/lib/config';
import { withCallbackContext } from './callback-context';
import { expiredCookie } from './cookies';
import { getAuthOptions } from './options';
import { precheckCallback } from './callback-precheck';
import type { ReconnectReason } from '@/lib/reconnect-reasons';
import { readSessionCookie, sessionCookieName } from './session';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function errorPage(reason: ReconnectReason, headers = new Headers()): Response {
  const target = new URL('/auth/error', appOrigin(getConfig()));
  target.searchParams.set('reason', reason);
  headers.set('Location', target.toString());
  headers.set('Cache-Control', 'private, no-store');
  return new Response(null, { status: 302, headers });
}

function clearCheckCookies(request: NextRequest): Headers {
  const headers = new Headers();
  for (const { name } of request.cookies.getAll()) {
    if (/next-auth\.(state|pkce\.code_verifier)$/.test(name)) {
      headers.append('Set-Cookie', expiredCookie(name, appOrigin(getConfig())));
    }
  }
  return headers;
}

function isErrorRedirect(response: Response): boolean {
  const location = response.headers.get('Location');
  return !!location && /\/api\/auth\/(error|signin)\b|[?&]error=/.test(location);
}

async function handleCallback(
  request: NextRequest,
  context: RouteContext,
  nextAuth: ReturnType<typeof NextAuth>,
) {
  const early = precheckCallback(request.nextUrl.searchParams);
  if (early) return errorPage(early, clearCheckCookies(request));
  const { result, context: callback } = await withCallbackContext<Response>(() => nextAuth(request, context));
  if (!isErrorRedirect(result)) return result;
  if (!callback.reason) {
    // No token request was made (the check cookies were missing or stale): a reload of a finished sign-in.
    const existing = await readSessionCookie(request.cookies.get(sessionCookieName())?.value);
    if (existing) return Response.redirect(new URL('/dashboard', appOrigin(getConfig())), 302);
  }
  const headers = new Headers();
  for (const cookie of result.headers.getSetCookie()) headers.append('Set-Cookie', cookie);
  return errorPage(callback.reason ?? 'state_mismatch', headers);
}

/** The `[...nextauth]` route's GET and POST: next-auth, with each callback failure sent to its own page. */
export function createAuthHandlers() {
  let nextAuth: ReturnType<typeof NextAuth> | undefined;
  async function handle(request: NextRequest, context: RouteContext): Promise<Response> {
    nextAuth ??= NextAuth(getAuthOptions());
    if (request.nextUrl.pathname === CALLBACK_PATH) return handleCallback(request, context, nextAuth);
    const response: Response = await nextAuth(request, context);
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  }
  return { GET: handle, POST: handle };
}
