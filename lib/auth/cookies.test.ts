import { describe, expect, it } from 'vitest';
import { expiredCookie, sessionCookieNameFor } from './cookies';

describe('auth cookie names and removal', () => {
  it('uses the __Secure- session cookie when cookies are secure only', () => {
    expect(sessionCookieNameFor(true)).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieNameFor(false)).toBe('next-auth.session-token');
  });

  it('removes cookies with Secure when they are secure, so __Secure- cookies can be removed at all', () => {
    expect(expiredCookie('__Secure-next-auth.session-token', true)).toBe(
      '__Secure-next-auth.session-token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure',
    );
    expect(expiredCookie('next-auth.state', false)).not.toContain('Secure');
  });
});
