import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { cache } from 'react';
import { z } from 'zod';
import { appOrigin, getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/api-route';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { log } from '@/lib/log';
import type { ReconnectReason } from '@/lib/reconnect-reasons';
import { expiredCookie, sessionCookieNameFor } from './cookies';
import { checkServerSession, endServerSession } from './server-session';

/**
 * What the encrypted session cookie carries: the opaque id of the server-side session and display fields.
 * Never a token, never the patient id.
 */
export const sessionClaimsSchema = z.object({
  sid: z.string().min(32),
  name: z.string().optional(),
  /** The beneficiary shared demographics (Patient and their name). */
  demographics: z.boolean(),
  /** Coverage and claims were granted. */
  coverage: z.boolean(),
  claims: z.boolean(),
  /** Sign-in time, epoch ms. */
  authTime: z.number(),
});
/** The claims in the session cookie. */
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** Which parts of Medicare data a set of granted scopes covers. */
export function grantedData(scopes: readonly string[]) {
  const has = (resource: string) => scopes.some((s) => s.startsWith(`patient/${resource}.`));
  return { demographics: has('Patient'), coverage: has('Coverage'), claims: has('ExplanationOfBenefit') };
}

/** The request's session: none, ended (with why), or active with its claims. */
export type SessionState =
  | { status: 'anonymous' }
  | { status: 'ended'; reason: ReconnectReason }
  | { status: 'active'; sid: string; claims: SessionClaims };

/** The name of next-auth's session cookie for this deployment (`__Secure-` when cookies are secure). */
export function sessionCookieName(): string {
  return sessionCookieNameFor(getConfig().secureCookies);
}

/** Decodes a session cookie value; anything tampered, foreign or malformed is anonymous. */
export async function readSessionCookie(value: string | undefined): Promise<SessionClaims | null> {
  if (!value || value.length > 8192) return null;
  try {
    const payload = await decode({ token: value, secret: getConfig().authSecret });
    const claims = sessionClaimsSchema.safeParse(payload);
    return claims.success ? claims.data : null;
  } catch {
    return null;
  }
}

/**
 * The current request's session, checked on the server every time (idle and absolute limits, a revoked or
 * expired grant): the data layer and every route handler call this, whatever `proxy.ts` did.
 */
export const getSession = cache(async (): Promise<SessionState> => {
  const jar = await cookies();
  const claims = await readSessionCookie(jar.get(sessionCookieName())?.value);
  if (!claims) return { status: 'anonymous' };
  const reason = await checkServerSession(claims.sid, claims.authTime);
  if (reason) return { status: 'ended', reason };
  return { status: 'active', sid: claims.sid, claims };
});

/** For pages: the active session, or a redirect home (signed out) or to the page explaining why it ended. */
export async function requireSession(): Promise<Extract<SessionState, { status: 'active' }>> {
  const session = await getSession();
  if (session.status === 'anonymous') redirect('/');
  if (session.status === 'ended') redirect(`/auth/error?reason=${session.reason}`);
  return session;
}

/** Where each way of leaving lands: the home page, with the query that shows its result. */
const LEAVE_RESULT = { 'sign-out': 'signedOut', disconnect: 'disconnected', delete: 'deleted' } as const;

/**
 * Signing out, disconnecting and deleting my data, as POST route handlers. All delete the server-side tokens
 * and data, expire every auth cookie and ask the browser to drop cached pages (`Clear-Site-Data`). Sign-out and
 * delete revoke the tokens at Medicare; disconnect deletes the data access grant. A cross-site POST is refused.
 */
export function createLeaveHandler(how: keyof typeof LEAVE_RESULT) {
  return async function POST(request: NextRequest): Promise<Response> {
    const config = getConfig();
    const origin = appOrigin(config);
    if (!isSameOriginRequest(request.headers, origin)) {
      return errorResponse(new AppError('forbidden'));
    }
    const claims = await readSessionCookie(request.cookies.get(sessionCookieName())?.value);
    let done = true;
    if (claims) {
      try {
        await endServerSession(claims.sid, how === 'delete' ? 'sign-out' : how);
      } catch (error) {
        done = false;
        log.error('auth.leave_failed', { action: how, error });
      }
    }
    const target = new URL('/', origin);
    target.searchParams.set(LEAVE_RESULT[how], done ? '1' : 'partial');
    const headers = new Headers({
      Location: target.toString(),
      'Cache-Control': 'private, no-store',
      'Clear-Site-Data': '"cache", "storage"',
    });
    for (const { name } of request.cookies.getAll()) {
      if (name.includes('next-auth.')) {
        headers.append('Set-Cookie', expiredCookie(name, config.secureCookies));
      }
    }
    return new Response(null, { status: 303, headers });
  };
}
