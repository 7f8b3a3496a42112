import { expect, test, type Page } from '@playwright/test';
import {
  appUrl,
  CONSENT_LABEL,
  control,
  expectFooterNoPasswordMedicare,
  expectNoForeignRequests,
  recordForeignRequests,
  sandboxUrl,
  seriousViolations,
  signInWithMedicare,
  SIZES,
} from './support';

// What a beneficiary sees before sharing anything: the privacy policy and terms (public, linked from every
// page's footer), the "What we read from Medicare and why" panel, and the unticked consent box that turns on
// Connect. Nowhere does the app ask for a Medicare password.

test.beforeEach(async () => {
  await control.reset();
});

/** Checks a page at both widths: no serious axe violation, no sideways scrolling, type at least 16 px. */
async function checkAtBothSizes(page: Page, path: string) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), `${path} at ${size.name}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} at ${size.name} scrolls sideways`).toBeLessThanOrEqual(0);
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
  }
}

test('the privacy policy is public, states the real limits, and reads well at desktop and phone width', async ({
  page,
}) => {
  const foreign = recordForeignRequests(page, [appUrl]);
  const response = await page.goto('/privacy');
  expect(response?.status()).toBe(200);
  expect(response?.url()).toBe(`${appUrl}/privacy`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy policy');
  const glance = page.getByRole('region', { name: 'Privacy at a glance' });
  for (const topic of ['Use', 'Share', 'Sell', 'Store', 'Encryption', 'Breach', 'Contact'])
    await expect(glance.getByText(topic, { exact: true })).toBeVisible();
  // The end-to-end app runs with the defaults: 10 minutes of cached data, 30 minutes idle, 12 hours at most.
  await expect(
    glance.getByText(/up to 10 minutes at a time.*after 30 minutes without activity.*12 hours/),
  ).toBeVisible();
  for (const section of [
    'What we collect and why',
    'Sharing: never without your explicit consent',
    'How long we keep it',
    'When you disconnect or remove access',
    'If you stop using the app, or your account closes',
    'If there is a breach',
    'If the app is sold or closes',
    'Changes to this policy',
    'Contact us',
  ])
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(section) })).toBeVisible();
  await expect(page.getByRole('link', { name: /Health Breach Notification Rule/ })).toHaveAttribute(
    'href',
    'https://www.ftc.gov/legal-library/browse/rules/health-breach-notification-rule',
  );
  await expect(page.getByRole('heading', { name: 'What we read from Medicare and why' })).toBeVisible();
  // Nothing configured in this run: the operator's details are marked as missing, not invented.
  await expect(page.getByText('[the operator’s legal name: not yet provided]').first()).toBeVisible();
  await expect(page.getByText('[contact email: not yet provided]').first()).toBeVisible();
  await expectFooterNoPasswordMedicare(page, '/privacy');
  await checkAtBothSizes(page, '/privacy');
  await expectNoForeignRequests(foreign);
});

test('the terms of use are public and read well at desktop and phone width', async ({ page }) => {
  const foreign = recordForeignRequests(page, [appUrl]);
  const response = await page.goto('/terms');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Terms of use');
  await expect(
    page.getByRole('heading', { level: 2, name: 'We never ask for your Medicare password' }),
  ).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'privacy policy' }).first()).toHaveAttribute(
    'href',
    '/privacy',
  );
  await expectFooterNoPasswordMedicare(page, '/terms');
  await checkAtBothSizes(page, '/terms');
  await expectNoForeignRequests(foreign);
});

test('before connecting: the panel, an unticked box, and Connect disabled until the box is ticked', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'What we read from Medicare and why' })).toBeVisible();
  const box = page.getByRole('checkbox', { name: CONSENT_LABEL });
  const connect = page.getByRole('button', { name: 'Connect to Medicare' });
  await expect(box).not.toBeChecked();
  await expect(connect).toBeDisabled();
  await expect(page.getByText('Tick the box above to turn on this button.')).toBeVisible();
  await box.check();
  await expect(connect).toBeEnabled();
  await box.uncheck();
  await expect(connect).toBeDisabled();
  // With the keyboard alone: Space ticks the box, then Tab reaches the button.
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(connect).toBeEnabled();
  await connect.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`^${sandboxUrl}/`));
  expect(await control.count('authorize')).toBe(1);
});

test('the home page and the pages around it, signed out: the footer, no password field, no violations', async ({
  page,
}) => {
  for (const path of ['/', '/auth/error?reason=consent_required', '/no-such-page']) {
    await page.goto(path);
    await expectFooterNoPasswordMedicare(page, path);
    await checkAtBothSizes(page, path);
  }
  const missing = await page.goto('/no-such-page');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
});

test('a sign-in refused for want of consent explains itself and offers the box again', async ({ page }) => {
  await page.goto('/auth/error?reason=consent_required');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Please agree before connecting');
  await expect(page.getByRole('checkbox', { name: CONSENT_LABEL })).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Connect again' })).toBeDisabled();
  await expect(page.getByRole('link', { name: 'What we read from Medicare and why' })).toHaveAttribute(
    'href',
    '/privacy#what-we-read',
  );
});

test('every way to connect again asks for the consent too', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser10052', shareDemographics: false });
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  for (const path of ['/dashboard', '/dashboard/profile']) {
    await page.goto(path);
    const again = page.getByRole('button', { name: 'Connect again to share' });
    await expect(again).toBeDisabled();
    await expectFooterNoPasswordMedicare(page, path);
  }
  await page.getByRole('checkbox', { name: CONSENT_LABEL }).check();
  await page.getByRole('button', { name: 'Connect again to share' }).click();
  await expect(page).toHaveURL(new RegExp(`^${sandboxUrl}/`));
  await expect(page.getByLabel('Username')).toBeVisible();
});
