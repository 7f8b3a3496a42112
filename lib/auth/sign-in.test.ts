import { describe, expect, it } from 'vitest';
import { precheckCallback, safeRedirect } from './sign-in';

const base = 'https://app.example';

describe('safeRedirect', () => {
  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'https://app.example.evil.example',
    'javascript:alert(1)',
    'http://app.example/dashboard',
    '/%0d%0aLocation:%20https://evil.example',
    'not a url at all',
    '/\u0000evil',
  ])('sends %s to the dashboard on our own origin', (url) => {
    const result = new URL(safeRedirect(url, base));
    expect(result.origin).toBe(base);
    if (!url.startsWith('/%0d')) expect(result.pathname).toBe('/dashboard');
  });

  it('keeps a path on our own origin', () => {
    expect(safeRedirect('/dashboard/prescriptions?year=2025', base)).toBe(
      'https://app.example/dashboard/prescriptions?year=2025',
    );
    expect(safeRedirect('https://app.example/account/disconnect', base)).toBe(
      'https://app.example/account/disconnect',
    );
  });

  it('sends the home page and auth endpoints to the dashboard, never back into sign-in', () => {
    expect(safeRedirect('/', base)).toBe('https://app.example/dashboard');
    expect(safeRedirect('/api/auth/signin', base)).toBe('https://app.example/dashboard');
  });
});

const state = 'Xk2vJ0dY9q4s8Lr1mN3pQ5tW7yZ0aB2cD4eF6gH8iJ0';
const check = (query: string) => precheckCallback(new URLSearchParams(query));

describe('precheckCallback', () => {
  it('lets a well-formed callback through to next-auth', () => {
    expect(check(`code=abc&state=${state}`)).toBeNull();
  });

  it('sends a cancelled consent to its own page, whatever the description says', () => {
    expect(check(`error=access_denied&error_description=%3Cscript%3Ex%3C%2Fscript%3E&state=${state}`)).toBe(
      'access_denied',
    );
    expect(check('error=server_error')).toBe('unknown');
  });

  it.each([
    ['no state', 'code=abc'],
    ['a repeated state', `code=abc&state=${state}&state=${state}`],
    ['no code', `state=${state}`],
    ['a repeated code', `code=a&code=b&state=${state}`],
    ['an iss parameter (Blue Button sends none)', `code=abc&state=${state}&iss=https%3A%2F%2Fevil.example`],
  ])('refuses %s before any token request', (_name, query) => {
    expect(check(query)).toBe('state_mismatch');
  });
});
