import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPIRES_IN_SECONDS, parseGrantExpiration, parseTokenResponse } from './token-set';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const base = {
  access_token: 'at-123',
  expires_in: 3600,
  token_type: 'Bearer',
  scope: 'patient/Patient.rs patient/ExplanationOfBenefit.rs profile',
  refresh_token: 'rt-456',
  patient: '-10000000000001',
  access_grant_expiration: '2027-02-15T12:00:00Z',
};
const parse = (patch: Record<string, unknown>, omit: string[] = []) => {
  const body: Record<string, unknown> = { ...base, ...patch };
  for (const key of omit) delete body[key];
  return parseTokenResponse(body, NOW);
};

// docs/reliability.md #24: the token-response table.
describe('parseTokenResponse', () => {
  it('maps BB2’s body (docs/blue-button.md §2.3) to our TokenSet', () => {
    expect(parse({})).toEqual({
      accessToken: 'at-123',
      refreshToken: 'rt-456',
      expiresAt: NOW + 3_600_000,
      scopes: ['patient/Patient.rs', 'patient/ExplanationOfBenefit.rs', 'profile'],
      patient: '-10000000000001',
      grantExpiresAt: Date.UTC(2027, 1, 15, 12, 0, 0),
    });
  });

  it.each([
    [3600, NOW + 3_600_000],
    [36000, NOW + 36_000_000],
    [16768.523842, Math.floor(NOW + 16_768_523.842)],
    ['3600', NOW + 3_600_000],
    ['16768.5', NOW + 16_768_500],
    [0, NOW],
  ])('expires_in %j → expiresAt = floor(now + n)', (expiresIn, expected) => {
    expect(parse({ expires_in: expiresIn })?.expiresAt).toBe(expected);
  });

  it.each([[-1], ['-5'], ['1e3'], ['soon'], [''], [true], [{}]])('rejects expires_in %j', (expiresIn) => {
    expect(parse({ expires_in: expiresIn })).toBeNull();
  });

  it('assumes a short lifetime when expires_in is missing or null', () => {
    expect(parse({}, ['expires_in'])?.expiresAt).toBe(NOW + DEFAULT_EXPIRES_IN_SECONDS * 1000);
    expect(parse({ expires_in: null })?.expiresAt).toBe(NOW + DEFAULT_EXPIRES_IN_SECONDS * 1000);
    expect(DEFAULT_EXPIRES_IN_SECONDS).toBeLessThan(3600);
  });

  it.each([['bearer'], ['Bearer'], ['BEARER']])('accepts token_type %s', (type) => {
    expect(parse({ token_type: type })).not.toBeNull();
  });

  it.each([['mac'], ['DPoP'], [''], [null]])('rejects token_type %j', (type) => {
    expect(parse({ token_type: type })).toBeNull();
  });

  it('rejects a body without access_token or patient, and bodies that are not objects', () => {
    expect(parse({}, ['access_token'])).toBeNull();
    expect(parse({ access_token: '' })).toBeNull();
    expect(parse({}, ['patient'])).toBeNull();
    for (const body of [null, undefined, [], 'token', 42]) expect(parseTokenResponse(body, NOW)).toBeNull();
  });

  it('gives null when there is no refresh token (the manager then keeps the previous one)', () => {
    expect(parse({}, ['refresh_token'])?.refreshToken).toBeNull();
    expect(parse({ refresh_token: '' })?.refreshToken).toBeNull();
    expect(parse({ refresh_token: null })?.refreshToken).toBeNull();
  });

  it('records a narrower or missing scope as given', () => {
    expect(parse({ scope: 'patient/ExplanationOfBenefit.rs  patient/Coverage.rs' })?.scopes).toEqual([
      'patient/ExplanationOfBenefit.rs',
      'patient/Coverage.rs',
    ]);
    expect(parse({}, ['scope'])?.scopes).toEqual([]);
  });

  it('ignores id_token and other extra members', () => {
    expect(parse({ id_token: 'x.y.z', status_code: 200 })?.accessToken).toBe('at-123');
  });
});

describe('parseGrantExpiration', () => {
  it.each([
    ['2027-02-15T12:00:00Z', Date.UTC(2027, 1, 15, 12, 0, 0)],
    ['2025-09-05 19:17:53Z', Date.UTC(2025, 8, 5, 19, 17, 53)],
    ['', null],
    [null, null],
    [undefined, null],
    ['2027-02-30T12:00:00Z', null],
    ['2027-02-15T24:00:00Z', null],
    ['2027-02-15T12:00:00+01:00', null],
    ['tomorrow', null],
  ])('%j → %j', (text, expected) => {
    expect(parseGrantExpiration(text)).toBe(expected);
  });
});
