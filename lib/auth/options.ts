import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { appOrigin, getConfig } from '@/lib/config';
import { callbackContext } from './callback-context';
import { authLogger } from './logger';
import { BlueButtonProvider } from './provider';
import { endServerSession, startServerSession } from './server-session';
import { grantedData, sessionClaimsSchema } from './session-claims';
import { safeRedirect } from './safe-redirect';

/**
 * next-auth's options. The JWT cookie is encrypted and carries only the session id and display fields
 * (`session-claims.ts`); tokens live in the server-side store. Errors go to `/auth/error`, sign-in starts
 * on the home page.
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
