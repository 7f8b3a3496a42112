import { describe, expect, it } from 'vitest';
import { expiredCookie, sessionCookieNameFor } from './cookies';

describe('auth cookie names and removal', () => {
  it('uses the __Secure- session cookie over https only', () => {
    expect(sessionCookieNameFor('https://app.example')).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieNameFor('http://localhost:3000')).toBe('next-auth.session-token');
  });

  it('removes cookies with Secure over https, so __Secure- cookies can be removed at all', () => {
    expect(expiredCookie('__Secure-next-auth.session-token', 'https://app.example')).toBe(
      '__Secure-next-auth.session-token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure',
    );
    expect(expiredCookie('next-auth.state', 'http://localhost:3000')).not.toContain('Secure');
  });
});
