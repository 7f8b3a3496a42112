import { describe, expect, it } from 'vitest';
import { condenseScopes, grantedScopes, scopeAllows, withinOriginalScope } from './scopes';

describe('scopes', () => {
  it('condenses .r and .s into .rs', () => {
    expect(condenseScopes(['patient/Coverage.r', 'profile', 'patient/Coverage.s'])).toEqual([
      'patient/Coverage.rs',
      'profile',
    ]);
    expect(condenseScopes(['patient/Coverage.s'])).toEqual(['patient/Coverage.s']);
  });

  it('grants every supported scope when none are requested and strips personal info when not shared', () => {
    expect(grantedScopes([], true)).toContain('patient/Patient.rs');
    const withheld = grantedScopes([], false);
    expect(withheld).not.toContain('profile');
    expect(withheld).not.toContain('patient/Patient.rs');
    expect(withheld).toContain('patient/ExplanationOfBenefit.rs');
    expect(grantedScopes(['patient/Patient.rs', 'profile'], false)).toEqual([]);
    expect(grantedScopes(['offline_access', 'patient/Coverage.rs'], true)).toEqual(['patient/Coverage.rs']);
  });

  it('maps scopes to read and search permissions', () => {
    expect(scopeAllows(['patient/ExplanationOfBenefit.s'], 'ExplanationOfBenefit', 'search')).toBe(true);
    expect(scopeAllows(['patient/ExplanationOfBenefit.s'], 'ExplanationOfBenefit', 'read')).toBe(false);
    expect(scopeAllows(['patient/Patient.read'], 'Patient', 'read')).toBe(true);
    expect(scopeAllows(['patient/Coverage.rs'], 'Patient', 'search')).toBe(false);
  });

  it('accepts SMART sub-scopes of the original on refresh', () => {
    expect(withinOriginalScope(['patient/Coverage.r'], ['patient/Coverage.rs'])).toBe(true);
    expect(withinOriginalScope(['profile'], ['patient/Coverage.rs'])).toBe(false);
  });
});
