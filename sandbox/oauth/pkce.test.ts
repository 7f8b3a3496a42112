import { describe, expect, it } from 'vitest';
import { s256Challenge, verifyS256 } from './pkce';

describe('PKCE S256', () => {
  it('matches the RFC 7636 Appendix B vector', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(s256Challenge(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(verifyS256(verifier, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM=')).toBe(true);
  });

  it('rejects short, long and wrong verifiers', () => {
    expect(verifyS256('short', s256Challenge('short'))).toBe(false);
    const long = 'a'.repeat(129);
    expect(verifyS256(long, s256Challenge(long))).toBe(false);
    expect(verifyS256('b'.repeat(43), s256Challenge('c'.repeat(43)))).toBe(false);
  });
});
