/**
 * The beneficiary's agreement to share, carried by every sign-in start. The Connect button sends
 * `consent=<CONSENT_VERSION>` with next-auth's sign-in POST only once its box is ticked, and the server refuses a
 * sign-in start without it (`lib/auth/consent-check.ts`). The version is the date of the privacy policy and
 * terms the beneficiary was shown, so a change to them asks for agreement again. No imports: the browser and
 * the server share this file.
 */

/** The date of the privacy policy and terms in force, `YYYY-MM-DD`; raise it whenever either changes. */
export const CONSENT_VERSION = '2026-12-01';

/** The form field of next-auth's sign-in POST that carries the consent. */
export const CONSENT_FIELD = 'consent';

/** Whether a sign-in start's form gives consent to the current version, once and exactly. */
export function hasConsent(form: URLSearchParams): boolean {
  const values = form.getAll(CONSENT_FIELD);
  return values.length === 1 && values[0] === CONSENT_VERSION;
}
