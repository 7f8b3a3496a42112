import { describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '@/lib/consent';
import { refuseWithoutConsent } from './consent-check';

const SIGN_IN = 'http://localhost:3000/api/auth/signin/bluebutton';
const form = (fields: Record<string, string>) =>
  new Request(SIGN_IN, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
const base = { csrfToken: 'token', callbackUrl: '/dashboard' };

describe('refuseWithoutConsent', () => {
  it('lets a sign-in start with the current consent through, and leaves its body for next-auth', async () => {
    const request = form({ ...base, json: 'true', consent: CONSENT_VERSION });
    expect(await refuseWithoutConsent(request)).toBeNull();
    expect(new URLSearchParams(await request.text()).get('csrfToken')).toBe('token');
  });

  it('accepts the consent in a JSON body too', async () => {
    const request = new Request(SIGN_IN, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...base, consent: CONSENT_VERSION }),
    });
    expect(await refuseWithoutConsent(request)).toBeNull();
  });

  it('answers next-auth’s client with a 403, the error envelope and the page that explains', async () => {
    const response = await refuseWithoutConsent(form({ ...base, json: 'true' }));
    expect(response?.status).toBe(403);
    expect(response?.headers.get('cache-control')).toBe('private, no-store');
    expect(response?.headers.getSetCookie()).toEqual([]);
    const body = (await response?.json()) as { error: { code: string }; url: string };
    expect(body.error.code).toBe('consent_required');
    expect(new URL(body.url).pathname).toBe('/auth/error');
    expect(new URL(body.url).searchParams.get('reason')).toBe('consent_required');
  });

  it('sends a plain form post to the page that explains', async () => {
    const response = await refuseWithoutConsent(form({ ...base, consent: 'yes' }));
    expect(response?.status).toBe(303);
    expect(response?.headers.get('location')).toMatch(/\/auth\/error\?reason=consent_required$/);
  });

  it.each([
    ['an old version', { ...base, consent: '2000-01-01' }],
    ['no body at all', null],
  ])('refuses %s', async (_name, fields) => {
    const request = fields ? form(fields) : new Request(SIGN_IN, { method: 'POST' });
    expect((await refuseWithoutConsent(request))?.status).toBe(303);
  });

  it('refuses a JSON body that is not an object', async () => {
    const request = new Request(SIGN_IN, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '["consent"]',
    });
    expect((await refuseWithoutConsent(request))?.status).toBe(303);
  });
});
