import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  HSTS,
  newNonce,
  securityHeaders,
  STATIC_SECURITY_HEADERS,
  type CspOptions,
} from './security-headers';

const base: CspOptions = {
  nonce: 'bm9uY2Utbm9uY2Utbm9uYw==',
  dev: false,
  https: true,
  formTargets: ['https://api.bluebutton.cms.gov'],
};

/** The policy as directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  it('allows scripts by nonce only in production: no unsafe-inline, no unsafe-eval', () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${base.nonce}'`, "'strict-dynamic'"]);
    expect(csp.get('style-src')).toEqual(["'self'", `'nonce-${base.nonce}'`]);
    const scripts = [...csp].filter(([name]) => name.startsWith('script-src') || name === 'default-src');
    expect(scripts.flatMap(([, sources]) => sources)).not.toContain("'unsafe-inline'");
    expect(contentSecurityPolicy(base)).not.toContain('unsafe-eval');
  });

  it('locks framing, plugins, <base>, forms and connections down', () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'", 'https://api.bluebutton.cms.gov']);
  });

  it('upgrades insecure requests over https only', () => {
    expect(directives(contentSecurityPolicy(base)).has('upgrade-insecure-requests')).toBe(true);
    expect(
      directives(contentSecurityPolicy({ ...base, https: false })).has('upgrade-insecure-requests'),
    ).toBe(false);
  });

  it('adds unsafe-eval for scripts and inline styles in development only', () => {
    const csp = directives(contentSecurityPolicy({ ...base, dev: true }));
    expect(csp.get('script-src')).toContain("'unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('is one header line with no empty directive', () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).not.toMatch(/[\r\n]|;;|; ;/);
    for (const [name] of directives(csp)) expect(name).toMatch(/^[a-z-]+$/);
  });
});

describe('nonces', () => {
  it('are 128 random bits, base64, different every time', () => {
    const nonces = Array.from({ length: 1000 }, newNonce);
    expect(new Set(nonces).size).toBe(1000);
    for (const nonce of nonces.slice(0, 50)) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(atob(nonce)).toHaveLength(16);
    }
  });
});

describe('the other headers', () => {
  it('deny framing, sniffing, referrers, openers and every powerful feature', () => {
    expect(STATIC_SECURITY_HEADERS).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    const policy = STATIC_SECURITY_HEADERS['Permissions-Policy']!;
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
      expect(policy).toContain(`${feature}=()`);
    expect(policy.split(', ').every((entry) => /^[a-z-]+=\(\)$/.test(entry))).toBe(true);
  });

  it('send HSTS for two years with subdomains over https only', () => {
    expect(securityHeaders(base)['Strict-Transport-Security']).toBe(HSTS);
    expect(HSTS).toBe('max-age=63072000; includeSubDomains');
    expect(securityHeaders({ ...base, https: false })).not.toHaveProperty('Strict-Transport-Security');
  });
});
