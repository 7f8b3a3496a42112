import type { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { proxyResponse } from '@/lib/http/proxy-response';

/**
 * Runs before every page, RSC request and route handler: the correlation id, the security headers with the
 * CSP nonce, no-store, and the dashboard's redirect for visitors without a session (lib/http/proxy-response.ts).
 */
export function proxy(request: NextRequest) {
  // NODE_ENV is replaced at build time: `next dev` is development, `next build` production.
  return proxyResponse(request, getConfig(), { dev: process.env.NODE_ENV === 'development' });
}

export const config = {
  // Everything but the build's static files, which keep Next's year-long cache and get their security headers
  // from next.config.mjs.
  matcher: ['/((?!_next/static/).*)'],
};
