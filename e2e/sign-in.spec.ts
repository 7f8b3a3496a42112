import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test } from '@playwright/test';
import {
  appUrl,
  connectFromHome,
  control,
  expectNoForeignRequests,
  recordForeignRequests,
  sandboxUrl,
  signInWithMedicare,
} from './support';

// Signing in with Medicare end to end: the app, next-auth, the sandbox's sign-in and consent pages, the token
// exchange and the server-side session, in a real browser.

test.beforeEach(async () => {
  await control.reset();
});

test('a beneficiary connects, sees their name, and signs out', async ({ page, context }) => {
  const foreign = recordForeignRequests(page, [appUrl, sandboxUrl]);
  await signInWithMedicare(page, { user: 'BBUser00001' });

  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await expect(page.getByText(/^Signed in as \S/)).toBeVisible();
  expect(await control.count('token')).toBe(1);

  const [tokenRequest] = await control.requests('token');
  expect(tokenRequest?.headers.authorization).toMatch(/^Basic /);
  expect(tokenRequest?.form).not.toHaveProperty('client_secret');
  expect(tokenRequest?.form?.grant_type).toBe('authorization_code');

  const session = await page.request.get('/api/auth/session');
  expect(session.headers()['cache-control']).toContain('no-store');
  const body = await session.text();
  expect(body).not.toMatch(/access_token|refresh_token|accessToken|refreshToken|patient/i);

  const cookies = await context.cookies(appUrl);
  const sessionCookie = cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(sessionCookie?.httpOnly).toBe(true);
  expect(sessionCookie?.sameSite).toBe('Lax');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${appUrl}/?signedOut=1`);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  expect(await control.count('revoke_token')).toBe(1);
  expect((await context.cookies(appUrl)).some((c) => c.name.endsWith('next-auth.session-token'))).toBe(false);

  await page.goto('/dashboard');
  await expect(page).toHaveURL(`${appUrl}/`);
  await expectNoForeignRequests(foreign);
});

test('Back after sign-out does not bring the signed-in dashboard back from a cache', async () => {
  // docs/reliability.md #41: the dashboard is sent with `Cache-Control: private, no-store` and sign-out with
  // `Clear-Site-Data: "cache"`, so neither the back/forward cache nor the HTTP cache may show it again.
  // Playwright starts Chromium with the back/forward cache off; this browser has it on, as a beneficiary's does.
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
  try {
    const page = await browser.newPage({ baseURL: appUrl });
    const cdp = await page.context().newCDPSession(page);
    const notRestored: string[] = [];
    cdp.on('Page.backForwardCacheNotUsed', (event) => {
      notRestored.push(...event.notRestoredExplanations.map((e) => e.reason));
    });
    await cdp.send('Page.enable');

    await signInWithMedicare(page, { user: 'BBUser00001' });
    await expect(page).toHaveURL(`${appUrl}/dashboard`);
    const signedInAs = page.getByText(/^Signed in as \S/);
    await expect(signedInAs).toBeVisible();
    const name = (await signedInAs.textContent())!.replace(/^Signed in as /, '');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${appUrl}/?signedOut=1`);

    await page.goBack();
    await expect(page).toHaveURL(`${appUrl}/`);
    await expect(page.getByRole('button', { name: 'Connect to Medicare' })).toBeVisible();
    await expect(page.getByText(/Signed in as/)).toHaveCount(0);
    expect(await page.locator('body').innerText()).not.toContain(name);
    // Chromium reports the page as not restored, and why (e.g. MainResourceHasCacheControlNoStore).
    await expect.poll(() => notRestored.length).toBeGreaterThan(0);
    test.info().annotations.push({ type: 'bfcache not used', description: notRestored.join(', ') });
  } finally {
    await browser.close();
  }
});

test('declining to share demographics still signs in, without the name', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser00002', shareDemographics: false });
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  await expect(page.getByText('Name not shared.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect again to share' })).toBeVisible();
  expect(await control.count('userinfo')).toBe(0);
});

test('cancelling consent shows its own page with a way back, and makes no token request', async ({
  page,
}) => {
  await connectFromHome(page);
  await page.getByLabel('Username').fill('BBUser00003');
  await page.getByLabel('Password').fill('PW00003!');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await expect(page).toHaveURL(`${appUrl}/auth/error?reason=access_denied`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You chose not to connect');
  await expect(page.getByRole('button', { name: 'Connect again' })).toBeVisible();
  expect(await control.count('token')).toBe(0);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('disconnecting asks first, deletes the grant at Medicare and signs out', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser00004' });
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  await page.getByRole('link', { name: 'Disconnect from Medicare' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Disconnect from Medicare');
  expect((await control.grants()).some((g) => g.username === 'BBUser00004')).toBe(true);

  await page.getByRole('button', { name: 'Disconnect and delete my data' }).click();
  await expect(page).toHaveURL(`${appUrl}/?disconnected=1`);
  expect(await control.count('revoke')).toBe(1);
  expect((await control.grants()).some((g) => g.username === 'BBUser00004')).toBe(false);
});

test('the dashboard and the error page have no detectable accessibility violations', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser00005' });
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the dashboard shows the claims totals and refreshes them on request, after the cooldown', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10042' });
  await page.goto('/dashboard?period=all');
  const heading = page.getByRole('heading', { name: 'All years: 42 claims' });
  await expect(heading).toBeVisible();
  const before = await control.count('eob');
  // Within the refresh cooldown (3 s in end-to-end runs) Refresh answers with the data already fetched.
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.waitForURL(/fresh=1/);
  await expect(page.getByText('It is already up to date.')).toBeVisible();
  await expect(heading).toBeVisible();
  expect(await control.count('eob')).toBe(before);
  await page.waitForTimeout(3_100);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => control.count('eob')).toBeGreaterThan(before);
  await expect(heading).toBeVisible();
  expect(new URL(page.url()).searchParams.get('period')).toBe('all');
});

test('a beneficiary without claims sees a plain empty state', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser10000' });
  await expect(page.getByText('No claims found yet.')).toBeVisible();
});

test('when Medicare keeps failing, the dashboard says so and offers to try again, without an error page', async ({
  page,
}) => {
  await control.script('eob', {
    status: 503,
    body: 'Service Unavailable',
    contentType: 'text/plain',
    times: 100,
  });
  await signInWithMedicare(page, { user: 'BBUser10006' });
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  await expect(page.getByText('Medicare data is temporarily unavailable.')).toBeVisible();
  const reference = await page.getByText(/give this reference/).textContent();
  expect(reference).toMatch(/[0-9a-f-]{36}/);
  await control.clearScripts();
  await page.getByRole('link', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await expect(page.getByRole('heading', { name: /claims?$/ })).toBeVisible();
});
