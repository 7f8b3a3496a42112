import { describe, expect, it } from 'vitest';
import { CONSENT_FIELD, CONSENT_VERSION, hasConsent } from './consent';

const form = (query: string) => new URLSearchParams(query);

describe('hasConsent', () => {
  it('accepts the current version, given once', () => {
    expect(hasConsent(form(`csrfToken=x&${CONSENT_FIELD}=${CONSENT_VERSION}&json=true`))).toBe(true);
  });

  it.each([
    ['no consent field', 'csrfToken=x&callbackUrl=%2Fdashboard'],
    ['an empty value', `${CONSENT_FIELD}=`],
    ['a yes instead of the version', `${CONSENT_FIELD}=yes`],
    ['an older version', `${CONSENT_FIELD}=2000-01-01`],
    ['the field twice', `${CONSENT_FIELD}=${CONSENT_VERSION}&${CONSENT_FIELD}=${CONSENT_VERSION}`],
  ])('refuses %s', (_name, query) => {
    expect(hasConsent(form(query))).toBe(false);
  });

  it('is a date, the date the policy and terms pages show', () => {
    expect(CONSENT_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(CONSENT_VERSION))).toBe(false);
  });
});
