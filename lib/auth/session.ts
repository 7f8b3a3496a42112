import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { appOrigin, getConfig } from '@/lib/config';
import { sessionCookieNameFor } from './cookies';
import type { ReconnectReason } from '@/lib/reconnect-reasons';
import { checkServerSession } from './server-session';
import { sessionClaimsSchema, type SessionClaims } from './session-claims';

/** The request's session: none, ended (with why), or active with its claims. */
export type SessionState =
  | { status: 'anonymous' }
  | { status: 'ended'; reason: ReconnectReason }
  | { status: 'active'; sid: string; claims: SessionClaims };

/** The name of next-auth's session cookie for this deployment (`__Secure-` over https). */
export function sessionCookieName(): string {
  return sessionCookieNameFor(appOrigin(getConfig()));
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
