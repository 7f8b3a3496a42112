import { generators } from 'openid-client';
import { describe, expect, it } from 'vitest';

// next-auth makes the PKCE verifier, the S256 challenge and the state with openid-client's generators
// (next-auth core/lib/oauth/checks). These tests pin the behaviour the sign-in relies on.
describe('PKCE and state generators used for sign-in', () => {
  it('computes the RFC 7636 Appendix B challenge', () => {
    expect(generators.codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes 1,000 distinct verifiers of 43–128 unreserved characters', () => {
    const verifiers = Array.from({ length: 1000 }, () => generators.codeVerifier());
    for (const verifier of verifiers) {
      expect(verifier.length).toBeGreaterThanOrEqual(43);
      expect(verifier.length).toBeLessThanOrEqual(128);
      expect(verifier).toMatch(/^[A-Za-z0-9\-._~]+$/);
    }
    expect(new Set(verifiers).size).toBe(1000);
  });

  it('makes states of at least 128 bits (32 random bytes, 43 base64url characters), all different', () => {
    const states = Array.from({ length: 1000 }, () => generators.state());
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(new Set(states).size).toBe(1000);
  });
});
