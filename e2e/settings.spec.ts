import { expect, test, type Page } from '@playwright/test';
import {
  AppClient,
  appUrl,
  control,
  expectFooterNoPasswordMedicare,
  seriousViolations,
  signInWithMedicare,
  SIZES,
} from './support';

// The settings page: sign out, disconnect from Medicare and delete my data now, each confirmed on a page of its
// own (plain forms, no script needed) and each ending with a clear result. Deleting leaves nothing behind: the
// old cookie finds no session, and signing in again loads everything afresh from Medicare.

test.beforeEach(async () => {
  await control.reset();
});

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(`${appUrl}/dashboard/settings`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
}

const sessionCookie = async (page: Page) =>
  (await page.context().cookies(appUrl)).find((c) => c.name.endsWith('next-auth.session-token'));

test('settings and its confirmations, at desktop and phone width: no serious violation, no sideways scrolling', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10050' });
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const path of [
      '/dashboard/settings',
      '/account/sign-out',
      '/account/disconnect',
      '/account/delete',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), `${path} at ${size.name}`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at ${size.name} scrolls sideways`).toBeLessThanOrEqual(0);
      await expectFooterNoPasswordMedicare(page, path);
    }
  }
  await page.goto('/dashboard/settings');
  await expect(
    page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' }),
  ).toHaveAttribute('aria-current', 'page');
  for (const name of ['Sign out', 'Disconnect from Medicare', 'Delete my data now'])
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
});

test('sign out from settings: a confirmation that can be cancelled, then the result', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser10051' });
  await openSettings(page);
  await page.getByRole('link', { name: 'Sign out of this app' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign out');
  await page.getByRole('link', { name: 'Cancel, stay signed in' }).click();
  await expect(page).toHaveURL(`${appUrl}/dashboard/settings`);
  expect(await control.count('revoke_token')).toBe(0);

  await page.getByRole('link', { name: 'Sign out of this app' }).click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${appUrl}/?signedOut=1`);
  await expect(page.getByRole('status')).toContainText('You are signed out.');
  expect(await control.count('revoke_token')).toBe(1);
  expect(await sessionCookie(page)).toBeUndefined();
});

test('disconnect from settings: confirmed, the permission removed at Medicare, and the result', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10053' });
  await openSettings(page);
  await page.getByRole('link', { name: 'Disconnect this app' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Disconnect from Medicare');
  await page.getByRole('link', { name: 'Cancel, keep me connected' }).click();
  await expect(page).toHaveURL(`${appUrl}/dashboard/settings`);
  expect((await control.grants()).some((g) => g.username === 'BBUser10053')).toBe(true);

  await page.getByRole('link', { name: 'Disconnect this app' }).click();
  await page.getByRole('button', { name: 'Disconnect and delete my data' }).click();
  await expect(page).toHaveURL(`${appUrl}/?disconnected=1`);
  await expect(page.getByRole('status')).toContainText('disconnected from Medicare');
  expect(await control.count('revoke')).toBe(1);
  expect((await control.grants()).some((g) => g.username === 'BBUser10053')).toBe(false);
});

test('delete my data now: confirmed, everything deleted and said so; the next visit needs a new sign-in and loads afresh', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10120' });
  await expect(page.getByRole('heading', { name: /claims$/ })).toBeVisible();
  const ready = (await (await page.request.get('/api/load-status')).json()) as { state: string };
  expect(ready.state).toBe('ready');
  const firstLoad = await control.count('eob');
  expect(firstLoad).toBeGreaterThan(0);
  const oldCookie = await sessionCookie(page);
  expect(oldCookie).toBeDefined();

  await openSettings(page);
  await page.getByRole('link', { name: 'Delete my data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delete my data now');
  await expect(page.getByText('the record of loading them;')).toBeVisible();
  await page.getByRole('link', { name: 'Cancel, keep my data' }).click();
  await expect(page).toHaveURL(`${appUrl}/dashboard/settings`);
  expect(await control.count('revoke_token')).toBe(0);

  await page.getByRole('link', { name: 'Delete my data' }).click();
  await page.getByRole('button', { name: 'Yes, delete my data now' }).click();
  await expect(page).toHaveURL(`${appUrl}/?deleted=1`);
  const result = page.getByRole('status');
  await expect(result).toContainText('Your data is deleted.');
  await expect(result).toContainText('the keys Medicare gave this app, which Medicare has cancelled');
  await expect(result).toContainText('Your permission at Medicare stays');
  expect(await control.count('revoke_token')).toBe(1);
  // Delete cancels the keys but leaves the permission; disconnect is the way to remove it.
  expect(await control.count('revoke')).toBe(0);
  expect((await control.grants()).some((g) => g.username === 'BBUser10120')).toBe(true);
  expect(await sessionCookie(page)).toBeUndefined();

  // The old cookie, replayed, finds nothing on the server.
  const replay = new AppClient();
  replay.cookies.set(oldCookie!.name, oldCookie!.value);
  const status = await replay.fetch('/api/load-status');
  expect(status.status).toBe(401);
  const dashboard = await replay.fetch('/dashboard');
  expect([302, 303, 307]).toContain(dashboard.status);

  // In the browser, the dashboard needs a new sign-in, and that sign-in reads everything from Medicare again.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(`${appUrl}/`);
  await signInWithMedicare(page, { user: 'BBUser10120' });
  await expect(page.getByRole('heading', { name: /claims$/ })).toBeVisible();
  expect(await control.count('eob')).toBeGreaterThan(firstLoad);
});

test('the settings actions refuse a post from another site', async () => {
  const client = new AppClient();
  await client.signIn({ user: 'BBUser10054' });
  for (const path of ['/auth/delete', '/auth/sign-out', '/auth/disconnect']) {
    const response = await client.fetch(path, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status, path).toBe(403);
  }
  expect(client.hasSession()).toBe(true);
  expect((await client.fetch('/api/load-status')).status).toBe(200);
  expect(await control.count('revoke_token')).toBe(0);
  expect(await control.count('revoke')).toBe(0);
});
