import { expect, test } from '@playwright/test';
import { CONSENT_FIELD, CONSENT_VERSION } from '../lib/consent';
import { recordCspViolations, visitEveryPage } from './page-checks';
import {
  appUrl,
  control,
  expectNoForeignRequests,
  recordForeignRequests,
  sandboxUrl,
  signInWithMedicare,
} from './support';

// The production Content-Security-Policy in a real Chromium (docs/reliability.md #15, #45): the sign-in round
// trip works under it, no page of the app breaks it, and no page asks anything of a third party.

test.beforeEach(async () => {
  await control.reset();
});

test('sign-in works under the production CSP: Medicare’s pages are reached and the dashboard shows, with no violation', async ({
  page,
}) => {
  const violations = await recordCspViolations(page);
  const foreign = recordForeignRequests(page, [appUrl, sandboxUrl]);
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(csp).toContain(`form-action 'self' ${sandboxUrl}`);
  // Chromium hides a nonce from attributes once it is applied; the property keeps it.
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  const scriptNonces = await page.locator('script').evaluateAll((ss) => ss.map((s) => s.nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

  await signInWithMedicare(page, { user: 'BBUser10050' });
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  expect(await page.evaluate(() => typeof (window as { next?: unknown }).next)).toBe('object'); // the app's scripts ran
  expect(violations).toEqual([]);
  await expectNoForeignRequests(foreign);
});

test('a sign-in sent as a form POST may follow the redirect to Medicare (form-action)', async ({ page }) => {
  const violations = await recordCspViolations(page);
  await page.goto('/');
  // A plain HTML form, as a browser without JavaScript sends it: next-auth answers with a redirect to Medicare's
  // authorize endpoint, which form-action must allow as well as our own origin.
  const consent = { [CONSENT_FIELD]: CONSENT_VERSION };
  await page.evaluate(async (consent) => {
    const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/api/auth/signin/bluebutton';
    for (const [name, value] of Object.entries({ csrfToken, callbackUrl: '/dashboard', ...consent })) {
      const input = document.createElement('input');
      Object.assign(input, { type: 'hidden', name, value });
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }, consent);
  await page.waitForURL(`${sandboxUrl}/mymedicare/login**`);
  await expect(page.getByLabel('Username')).toBeVisible();
  expect(violations).toEqual([]);
});

test('every page, signed out and signed in, through a refresh, a Medicare failure and sign-out: no CSP violation, no third party', async ({
  page,
}) => {
  const violations = await recordCspViolations(page);
  const foreign = recordForeignRequests(page, [appUrl, sandboxUrl]);
  const signedOut = await visitEveryPage(page, appUrl, [
    '/',
    '/auth/error?reason=access_denied',
    '/no-such-page',
  ]);
  expect(signedOut).toEqual(
    expect.arrayContaining(['/ 200', '/auth/error?reason=access_denied 200', '/no-such-page 404']),
  );

  await signInWithMedicare(page, { user: 'BBUser00492' });
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  const signedIn = await visitEveryPage(page, appUrl, [
    '/dashboard',
    '/dashboard/claims',
    '/dashboard/no-such-page',
    '/account/disconnect',
  ]);
  const paths = signedIn.map((line) => line.split(/[? ]/)[0]);
  for (const path of [
    '/dashboard',
    '/dashboard/spending',
    '/dashboard/prescriptions',
    '/dashboard/coverage',
    '/dashboard/claims',
    '/dashboard/profile',
    '/account/disconnect',
  ])
    expect(paths, `visited ${signedIn.join(', ')}`).toContain(path);
  expect(paths.some((p) => /^\/dashboard\/claims\/[^/]+$/.test(p ?? ''))).toBe(true);

  // Charts and tables opened, a refresh, and Medicare failing.
  await page.goto('/dashboard/spending');
  for (const summary of await page.locator('details > summary').all()) await summary.click();
  await page.goto('/dashboard?fresh=1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await page.waitForTimeout(3_100); // the refresh cooldown of end-to-end runs
  await control.script('eob', {
    status: 503,
    body: 'Service Unavailable',
    contentType: 'text/plain',
    times: 100,
  });
  await page.goto('/dashboard/claims?fresh=1');
  await expect(page.getByText('Medicare data is temporarily unavailable.')).toBeVisible();
  await control.clearScripts();

  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${appUrl}/?signedOut=1`);
  expect(violations).toEqual([]);
  await expectNoForeignRequests(foreign);
});
