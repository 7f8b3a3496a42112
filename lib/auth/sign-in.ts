import 'server-only';
import NextAuth, { type LoggerInstance, type NextAuthOptions } from 'next-auth';
import type { NextRequest } from 'next/server';
import { appOrigin, CALLBACK_PATH, getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import type { ReconnectReason } from '@/lib/reconnect-reasons';
import { callbackContext, withCallbackContext } from './callback-context';
import { refuseWithoutConsent } from './consent-check';
import { expiredCookie } from './cookies';
import { BlueButtonProvider } from './provider';
import { endServerSession, startServerSession } from './server-session';
import { grantedData, readSessionCookie, sessionClaimsSchema, sessionCookieName } from './session';

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
 * next-auth's logger, reduced to event codes. next-auth passes error descriptions, profiles and token
 * responses as metadata; none of it is ever printed.
 */
export const authLogger: LoggerInstance = {
  error(code) {
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
    useSecureCookies: appOrigin(config).startsWith('https://'),
    session: { strategy: 'jwt', maxAge: config.sessionMaxHours * 3600 },
    pages: { signIn: '/', error: '/auth/error' },
    logger: authLogger,
    callbacks: {
      async jwt({ token, account }) {
        if (!account) return token;
        const context = callbackContext();
        if (!context.tokens) throw new Error('Sign-in finished without tokens');
        const sid = await startServerSession(context.tokens);
        return sessionClaimsSchema.parse({
          sid,
          ...(token.name ? { name: token.name } : {}),
          ...grantedData(context.tokens.scopes),
          authTime: Date.now(),
        });
      },
      async session({ session, token }) {
        const claims = sessionClaimsSchema.safeParse(token);
        if (!claims.success) return { expires: session.expires };
        const { name, demographics, coverage, claims: hasClaims } = claims.data;
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
