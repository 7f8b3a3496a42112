import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { proxyResponse } from './proxy-response';

// What the proxy answers, with the app configured for https://claims.example and requests that name other hosts.

const config = parseConfig(
  {
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: 'a-production-secret-of-sufficient-length-0123',
    NEXTAUTH_URL: 'https://claims.example',
    BB_ENVIRONMENT: 'SANDBOX',
    BB_CLIENT_ID: 'client',
    BB_CLIENT_SECRET: 'secret',
    BB_CALLBACK_URL: 'https://claims.example/api/auth/callback/bluebutton',
  },
  '/nonexistent',
);
const local = parseConfig({ BB_ENVIRONMENT: 'LOCAL', NEXTAUTH_URL: 'http://localhost:3000' }, '/nonexistent');

const request = (url: string, headers: Record<string, string> = {}) => new NextRequest(url, { headers });
const answer = (req: NextRequest, c = config, dev = false) => proxyResponse(req, c, { dev });

/** A request header the proxy passes on to the app (NextResponse.next's encoding of request overrides). */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

describe('the proxy', () => {
  it('sends a visitor without a session to the configured origin, whatever host the request names', () => {
    for (const url of [
      'http://evil.example/dashboard',
      'https://preview-123.vercel.app/account/disconnect',
    ]) {
      const response = answer(request(url, { 'x-forwarded-host': 'evil.example' }));
      expect(response.status).toBe(307);
      expect(response.headers.get('location')).toBe('https://claims.example/');
    }
  });

  it('lets a visitor with a session cookie, and every other path, through to the app', () => {
    const withCookie = request('https://claims.example/dashboard', {
      cookie: '__Secure-next-auth.session-token=x',
    });
    expect(answer(withCookie).headers.get('x-middleware-next')).toBe('1');
    for (const path of ['/', '/dashboardx', '/api/summary', '/auth/error'])
      expect(answer(request(`https://claims.example${path}`)).headers.get('x-middleware-next'), path).toBe(
        '1',
      );
  });

  it('gives each request a fresh correlation id, on the request and the response, replacing the client’s', () => {
    const forged = '11111111-1111-4111-8111-111111111111';
    const [a, b] = [1, 2].map(() => answer(request('https://claims.example/', { 'x-request-id': forged })));
    const id = a!.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(id).not.toBe(forged);
    expect(id).not.toBe(b!.headers.get('x-request-id'));
    expect(forwarded(a!, 'x-request-id')).toBe(id);
  });

  it('passes the CSP with its nonce on to the app (Next reads the nonce there) and sends the same one back', () => {
    const response = answer(request('https://claims.example/'));
    const csp = response.headers.get('content-security-policy');
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic';/);
    expect(forwarded(response, 'content-security-policy')).toBe(csp);
    expect(csp).toContain("form-action 'self' https://sandbox.bluebutton.cms.gov;");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('sends the security headers and no-store on redirects and pages alike', () => {
    for (const response of [
      answer(request('https://claims.example/dashboard')),
      answer(request('https://claims.example/')),
    ]) {
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    }
  });

  it('sends HSTS from a plain-http origin only when a TLS proxy says the request came over https', () => {
    expect(answer(request('http://localhost:3000/'), local).headers.has('strict-transport-security')).toBe(
      false,
    );
    const proxied = answer(request('http://localhost:3000/', { 'x-forwarded-proto': 'https' }), local);
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(answer(request('http://localhost:3000/'), local).headers.get('content-security-policy')).toContain(
      "form-action 'self' http://localhost:8000;",
    );
  });

  it('allows eval for scripts under next dev only', () => {
    const csp = answer(request('http://localhost:3000/'), local, true).headers.get('content-security-policy');
    expect(csp).toContain("'unsafe-eval'");
  });
});
