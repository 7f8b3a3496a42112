import 'server-only';
import NextAuth, { type LoggerInstance, type NextAuthOptions } from 'next-auth';
import type { NextRequest } from 'next/server';
import { appOrigin, CALLBACK_PATH, getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import type { ReconnectReason } from '@/lib/reconnect-reasons';
import { callbackContext, withCallbackContext, type CallbackContext } from './callback-context';
import { refuseWithoutConsent } from './consent-check';
import { expiredCookie } from './cookies';
import { BlueButtonProvider } from './provider';
import { checkServerSession, endServerSession, startServerSession } from './server-session';
import { grantedData, readSessionCookie, sessionClaimsSchema, sessionCookieName } from './session';
import { revokeTokenSet } from './tokens';

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

/**
 * Thrown by the session callback when the cookie's server-side session is no longer active: next-auth then
 * answers `/api/auth/session` with an empty session and expires the cookie instead of renewing it.
 */
export class SessionEndedError extends Error {
  constructor() {
    super('The server-side session has ended');
    this.name = 'SessionEndedError';
  }
}

/**
 * next-auth's logger, reduced to event codes. next-auth passes error descriptions, profiles and token
 * responses as metadata; none of it is ever printed. An ended session is an answer, not an error.
 */
export const authLogger: LoggerInstance = {
  error(code, metadata) {
    if (metadata instanceof SessionEndedError) return;
    log.error('auth.error', { errorCode: code });
  },
  warn(code) {
    log.warn('auth.warning', { errorCode: code });
  },
  debug() {},
};

/**
 * next-auth's options. The JWT cookie is encrypted and carries only the session id and display fields
 * (`sessionClaimsSchema` in `session.ts`); tokens live in the server-side store. Errors go to
 * `/auth/error`, sign-in starts on the home page.
 */
export function buildAuthOptions(): NextAuthOptions {
  const config = getConfig();
  return {
    secret: config.authSecret,
    providers: [BlueButtonProvider(config)],
    useSecureCookies: config.secureCookies,
    session: { strategy: 'jwt', maxAge: config.sessionMaxHours * 3600 },
    pages: { signIn: '/', error: '/auth/error' },
    logger: authLogger,
    callbacks: {
      async jwt({ token, account }) {
        if (!account) return token;
        const context = callbackContext();
        if (!context.tokens) throw new Error('Sign-in finished without tokens');
        const sid = await startServerSession(context.tokens);
        context.sid = sid;
        return sessionClaimsSchema.parse({
          sid,
          ...(token.name ? { name: token.name } : {}),
          ...grantedData(context.tokens.scopes),
          authTime: Date.now(),
        });
      },
      // The cookie alone proves nothing once the server-side session has ended (idle limit, sign-out in another
      // tab, a copied cookie): only an active one answers with the name and grants. Asking is not activity, so
      // it does not restart the idle timer.
      async session({ session, token }) {
        const claims = sessionClaimsSchema.safeParse(token);
        if (!claims.success) throw new SessionEndedError();
        const { sid, authTime, name, demographics, coverage, claims: hasClaims } = claims.data;
        const ended = await checkServerSession(sid, authTime, { touch: false }).catch(() => undefined);
        // The store is unreachable: nothing to show, and no reason to drop the cookie either.
        if (ended === undefined) return {} as typeof session;
        if (ended) throw new SessionEndedError();
        return {
          expires: session.expires,
          user: { name: name ?? null },
          granted: { demographics, coverage, claims: hasClaims },
        };
      },
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
    },
    events: {
      async signOut({ token }) {
        const claims = sessionClaimsSchema.safeParse(token);
        if (claims.success) await endServerSession(claims.data.sid, 'sign-out');
      },
    },
  };
}

let cached: NextAuthOptions | undefined;

/** next-auth's options for this process. */
export function getAuthOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

/**
 * The callback's query, checked before next-auth sees it (next-auth keeps only the last of repeated
 * parameters): a denial or a malformed answer ends here, without a token request.
 */
export function precheckCallback(query: URLSearchParams): ReconnectReason | null {
  const error = query.get('error');
  if (error !== null) return error === 'access_denied' ? 'access_denied' : 'unknown';
  if (query.getAll('state').length !== 1 || query.getAll('code').length !== 1) return 'state_mismatch';
  if (query.has('iss')) return 'state_mismatch';
  return null;
}

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
      headers.append('Set-Cookie', expiredCookie(name, getConfig().secureCookies));
    }
  }
  return headers;
}

function isErrorRedirect(response: Response): boolean {
  const location = response.headers.get('Location');
  return !!location && /\/api\/auth\/(error|signin)\b|[?&]error=/.test(location);
}

/**
 * A sign-in that failed after the code exchange: Medicare issued tokens that no session will use, so they are
 * revoked, and the server session, if it had started, is deleted.
 */
async function abandonSignIn(callback: CallbackContext): Promise<void> {
  if (!callback.tokens) return;
  await Promise.allSettled([
    revokeTokenSet(callback.tokens).catch((error: unknown) => {
      log.error('auth.revoke_failed', { action: 'abandoned-sign-in', error });
    }),
    callback.sid ? endServerSession(callback.sid, 'expire') : undefined,
  ]);
}

/** Signing in again ends the session the browser had before: its tokens are revoked, its records deleted. */
async function endPreviousSession(previousSid: string | undefined, sid: string | undefined): Promise<void> {
  if (!previousSid || !sid || previousSid === sid) return;
  await endServerSession(previousSid, 'sign-out').catch((error: unknown) => {
    log.error('auth.revoke_failed', { action: 'previous-session', error });
  });
}

async function handleCallback(
  request: NextRequest,
  context: RouteContext,
  nextAuth: ReturnType<typeof NextAuth>,
) {
  const early = precheckCallback(request.nextUrl.searchParams);
  if (early) return errorPage(early, clearCheckCookies(request));
  const existing = await readSessionCookie(request.cookies.get(sessionCookieName())?.value);
  const callback: CallbackContext = {};
  let result: Response;
  try {
    ({ result } = await withCallbackContext<Response>(() => nextAuth(request, context), callback));
  } catch (error) {
    await abandonSignIn(callback);
    throw error;
  }
  if (!isErrorRedirect(result)) {
    await endPreviousSession(existing?.sid, callback.sid);
    return result;
  }
  await abandonSignIn(callback);
  // No token request was made (the check cookies were missing or stale): a reload of a finished sign-in.
  if (!callback.reason && !callback.tokens && existing) {
    return Response.redirect(new URL('/dashboard', appOrigin(getConfig())), 302);
  }
  const headers = new Headers();
  for (const cookie of result.headers.getSetCookie()) headers.append('Set-Cookie', cookie);
  return errorPage(callback.reason ?? (callback.tokens ? 'unknown' : 'state_mismatch'), headers);
}

/** The `[...nextauth]` route's GET and POST: next-auth, with each callback failure sent to its own page. */
export function createAuthHandlers() {
  let nextAuth: ReturnType<typeof NextAuth> | undefined;
  async function handle(request: NextRequest, context: RouteContext): Promise<Response> {
    nextAuth ??= NextAuth(getAuthOptions());
    if (request.nextUrl.pathname === CALLBACK_PATH) return handleCallback(request, context, nextAuth);
    // Every way of starting a sign-in must carry the beneficiary's consent (lib/consent.ts).
    if (request.method === 'POST' && (await context.params).nextauth?.[0] === 'signin') {
      const refusal = await refuseWithoutConsent(request);
      if (refusal) return refusal;
    }
    const response: Response = await nextAuth(request, context);
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  }
  return { GET: handle, POST: handle };
}
