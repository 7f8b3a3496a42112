import 'server-only';
import type { NextRequest } from 'next/server';
import { appOrigin, getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/api-route';
import { expiredCookie } from './cookies';
import { endServerSession } from './server-session';
import { readSessionCookie, sessionCookieName } from './session';

/**
 * Signing out and disconnecting, as POST route handlers. Both delete the server-side tokens and data, expire
 * every auth cookie and ask the browser to drop cached pages (`Clear-Site-Data`). Sign-out revokes the access
 * token at Medicare; disconnect deletes the data access grant. A cross-site POST is refused.
 */
export function createLeaveHandler(how: 'sign-out' | 'disconnect') {
  return async function POST(request: NextRequest): Promise<Response> {
    const origin = appOrigin(getConfig());
    if (request.headers.get('origin') !== origin) {
      return errorResponse(new AppError('forbidden'));
    }
    const claims = await readSessionCookie(request.cookies.get(sessionCookieName())?.value);
    let done = true;
    if (claims) {
      try {
        await endServerSession(claims.sid, how);
      } catch (error) {
        done = false;
        console.error(`[auth] ${how} could not reach Medicare: ${(error as Error).name}`);
      }
    }
    const target = new URL('/', origin);
    target.searchParams.set(how === 'disconnect' ? 'disconnected' : 'signedOut', done ? '1' : 'partial');
    const headers = new Headers({
      Location: target.toString(),
      'Cache-Control': 'private, no-store',
      'Clear-Site-Data': '"cache", "storage"',
    });
    for (const { name } of request.cookies.getAll()) {
      if (name.includes('next-auth.')) {
        headers.append('Set-Cookie', expiredCookie(name, origin));
      }
    }
    return new Response(null, { status: 303, headers });
  };
}
