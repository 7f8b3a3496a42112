import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect';

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
