import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './same-origin';

const origin = 'https://claims.example';
const from = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers), origin);

describe('isSameOriginRequest', () => {
  it('accepts our own Origin', () => {
    expect(from({ origin })).toBe(true);
  });

  it('accepts Origin: null only when the browser says the request is same-origin (no-referrer forms)', () => {
    expect(from({ origin: 'null', 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(from({ 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(from({ origin: 'null', 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(from({ origin: 'null', 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(from({ origin: 'null' })).toBe(false);
  });

  it('refuses another origin, whatever Sec-Fetch-Site claims, and a request with neither header', () => {
    expect(from({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(from({ origin: 'http://claims.example' })).toBe(false);
    expect(from({})).toBe(false);
  });
});
