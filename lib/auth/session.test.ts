import { describe, expect, it } from 'vitest';
import { grantedData } from './session';

describe('grantedData', () => {
  it('reads every part from the full scope list, in any order and with .read/.rs variants', () => {
    expect(
      grantedData([
        'patient/ExplanationOfBenefit.rs',
        'profile',
        'patient/Coverage.read',
        'patient/Patient.rs',
      ]),
    ).toEqual({ demographics: true, coverage: true, claims: true });
  });

  it('sees declined demographics: no Patient scope', () => {
    expect(grantedData(['patient/Coverage.rs', 'patient/ExplanationOfBenefit.rs'])).toEqual({
      demographics: false,
      coverage: true,
      claims: true,
    });
  });

  it('grants nothing for an empty or unrelated scope list', () => {
    expect(grantedData([])).toEqual({ demographics: false, coverage: false, claims: false });
    expect(grantedData(['openid', 'launch/patient'])).toEqual({
      demographics: false,
      coverage: false,
      claims: false,
    });
  });
});
