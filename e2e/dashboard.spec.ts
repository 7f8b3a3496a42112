import { expect, test } from '@playwright/test';
import {
  AppClient,
  appUrl,
  control,
  expectFooterNoPasswordMedicare,
  expectNoForeignRequests,
  recordForeignRequests,
  sandboxUrl,
  seriousViolations,
  signInWithMedicare,
  SIZES,
} from './support';

// The dashboard's pages in a real browser, signed in through the sandbox: every page at desktop and phone width
// with axe, the totals against /api/summary, the period in the URL, the progress of a long load, keyboard use and
// the not-found page.

const PAGES = {
  '/dashboard': 'Overview',
  '/dashboard/spending': 'Spending',
  '/dashboard/prescriptions': 'Prescriptions',
  '/dashboard/coverage': 'Coverage',
  '/dashboard/claims': 'Claims',
  '/dashboard/profile': 'Profile',
  '/dashboard/settings': 'Settings',
} as const;
const dollars = (n: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);

test.beforeEach(async () => {
  await control.reset();
});

test('every page, at desktop and phone width: no serious accessibility violation, no sideways scrolling, no third parties', async ({
  page,
}) => {
  const foreign = recordForeignRequests(page, [appUrl, sandboxUrl]);
  await signInWithMedicare(page, { user: 'BBUser10500' });
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const [path, name] of Object.entries(PAGES)) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Open every "Show the numbers as a table" so the tables are checked too.
      for (const summary of await page.locator('details > summary').all()) await summary.click();
      expect(await seriousViolations(page), `${path} at ${size.name}`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at ${size.name} scrolls sideways`).toBeLessThanOrEqual(0);
      const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(16);
      await expectFooterNoPasswordMedicare(page, path);
      await expect(
        page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name, exact: true }),
      ).toHaveAttribute('aria-current', 'page');
    }
  }
  await expectNoForeignRequests(foreign);
});

test('the totals for all years equal /api/summary, and each chart has a table of its numbers', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10500' });
  await page.goto('/dashboard?period=all');
  const summary = (await (await page.request.get('/api/summary')).json()) as {
    claims: { count: number };
    totals: { billed: number; medicarePaid: number; youPaid: number };
  };
  await expect(
    page.getByRole('heading', { name: `All years: ${summary.claims.count} claims` }),
  ).toBeVisible();
  const totals = page.getByRole('region', { name: /All years/ });
  await expect(totals.getByText(dollars(summary.totals.billed), { exact: true })).toBeVisible();
  await expect(totals.getByText(dollars(summary.totals.medicarePaid), { exact: true })).toBeVisible();
  await expect(totals.getByText(dollars(summary.totals.youPaid), { exact: true })).toBeVisible();
  await expect(page.getByText('an estimate from your claims, not a bill')).toBeVisible();
  await page.getByText('Show the numbers as a table').first().click();
  await expect(page.getByRole('table', { name: 'Spending over the last 24 months, by month' })).toBeVisible();
  expect(
    await page
      .getByRole('table', { name: 'Spending over the last 24 months, by month' })
      .getByRole('row')
      .count(),
  ).toBe(25);
});

test('the period lives in the URL: choosing one changes the figures; an unknown one falls back to the last 12 months', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10500' });
  await page.goto('/dashboard?period=all');
  const all = await page.getByRole('heading', { name: /^All years: \d+ claims$/ }).textContent();
  const options = await page.getByLabel('Show').locator('option').allTextContents();
  const year = options.find((o) => /^\d{4}$/.test(o));
  expect(year).toBeDefined();
  await page.getByLabel('Show').selectOption(year!);
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page).toHaveURL(new RegExp(`period=${year}`));
  const yearHeading = page.getByRole('heading', { name: new RegExp(`^${year}: \\d+ claims?$`) });
  await expect(yearHeading).toBeVisible();
  expect(await yearHeading.textContent()).not.toBe(all);
  await page.goto('/dashboard/spending?period=nonsense');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spending');
  await expect(page.getByLabel('Show')).toHaveValue('12m');
});

test('a long history shows how far the load has got, then the page', async ({ page }) => {
  await control.setLatency(300, 'eob');
  await signInWithMedicare(page, { user: 'BBUser12000' });
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Loaded [\d,]+ of 2,000 claims|Asking Medicare|Getting your claims/ }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview', { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /claims$/ })).toBeVisible();
});

test('the shell works with the keyboard alone', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser10050' });
  await page.goto('/dashboard');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  const reached: string[] = [];
  for (let i = 0; i < 14; i += 1) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? ''),
    );
  }
  for (const name of ['Overview', 'Spending', 'Coverage', 'Profile', 'Sign out'])
    expect(reached).toContain(name);
  await page.getByRole('link', { name: 'Spending' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${appUrl}/dashboard/spending`);
  await expect(page.getByRole('link', { name: 'Spending' })).toHaveAttribute('aria-current', 'page');
});

test('an unknown dashboard page gets the app’s not-found page with status 404', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser10050' });
  const response = await page.goto('/dashboard/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toBeVisible();
});

test('coverage lists all four parts; the profile explains what was not shared', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser10052', shareDemographics: false });
  await page.goto('/dashboard/coverage');
  for (const part of ['Part A', 'Part B', 'Part C', 'Part D']) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`\\(${part}\\)`) })).toBeVisible();
  }
  await page.goto('/dashboard/profile');
  await expect(page.getByRole('heading', { name: 'Your personal details were not shared' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect again to share' })).toBeVisible();
});

test('every dashboard page and the load status are never stored', async () => {
  const client = new AppClient();
  await client.signIn({ user: 'BBUser10050' });
  for (const path of [...Object.keys(PAGES), '/api/load-status']) {
    const response = await client.fetch(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('cache-control'), path).toContain('no-store');
  }
});

test('claims: filters and order live in the URL, change the rows, and an empty result says so', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10120' });
  await page.goto('/dashboard/claims');
  await expect(page.getByRole('status').filter({ hasText: /^120 claims, page 1 of 5$/ })).toBeVisible();
  await page.getByLabel('Kind of care').selectOption({ label: 'Prescriptions' });
  await page.getByLabel('Order').selectOption({ label: 'Largest bill first' });
  await page.getByRole('button', { name: 'Show claims' }).click();
  await page.waitForURL(/type=pde/);
  await expect(page).toHaveURL(/sort=billed-desc/);
  const status = page.getByRole('status').filter({ hasText: /claims?, page 1 of/ });
  await expect(status).toBeVisible();
  await expect(status).not.toContainText('120 claims');
  const kinds = await page
    .getByRole('table', { name: 'Claims' })
    .locator('tbody tr td:nth-child(2)')
    .allTextContents();
  expect(new Set(kinds)).toEqual(new Set(['Prescriptions']));
  await page.getByLabel('Provider, code or description').fill('no such thing anywhere');
  await page.getByRole('button', { name: 'Show claims' }).click();
  await expect(page.getByText('No claims match these filters.')).toBeVisible();
});

test('the claims and prescriptions filters work with the keyboard alone', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser10120' });
  await page.goto('/dashboard/claims');
  // React reveals streamed content a moment after it arrives, moving it (and any focus) into place: wait for it.
  await expect(page.getByRole('status').filter({ hasText: /^120 claims, page 1 of 5$/ })).toBeVisible();
  await page.getByLabel('Kind of care').focus();
  // The arrow keys change a closed select, as a keyboard user picks an option; then Tab walks through the dates'
  // parts, the search box and the order to the button.
  for (let i = 0; i < 7; i += 1) await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Kind of care')).toHaveValue('pde');
  for (
    let i = 0;
    i < 20 &&
    !(await page.getByRole('button', { name: 'Show claims' }).evaluate((b) => b === document.activeElement));
    i += 1
  )
    await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show claims' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/type=pde/);
  const kinds = await page
    .getByRole('table', { name: 'Claims' })
    .locator('tbody tr td:nth-child(2)')
    .allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(['Prescriptions']));

  await page.goto('/dashboard/prescriptions');
  await expect(page.getByRole('table', { name: 'Your drugs' })).toBeVisible();
  await page.getByLabel('Drugs', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Drugs', { exact: true })).toHaveValue('stopped');
  for (
    let i = 0;
    i < 20 &&
    !(await page
      .getByRole('button', { name: 'Show', exact: true })
      .evaluate((b) => b === document.activeElement));
    i += 1
  )
    await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/show=stopped/);
  await expect(page.getByLabel('Drugs', { exact: true })).toHaveValue('stopped');
});

test('prescriptions: every fill, newest first, searchable by drug name', async ({ page }) => {
  await signInWithMedicare(page, { user: 'BBUser10120' });
  const summary = (await (await page.request.get('/api/summary')).json()) as { prescriptions: unknown[] };
  await page.goto('/dashboard/prescriptions');
  await expect(
    page.getByRole('status').filter({ hasText: `${summary.prescriptions.length} fills, newest first` }),
  ).toBeVisible();
  await page.getByLabel('Drug name').fill('zzz-not-a-drug');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL(/q=zzz-not-a-drug/);
  await expect(page.getByText('No prescriptions match this name.')).toBeVisible();
});

test('prescriptions: one row per drug, taking or stopped, with the days covered; the filter lives in the URL', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10500' });
  await page.goto('/dashboard/prescriptions');
  const drugs = page.getByRole('table', { name: 'Your drugs' });
  await expect(drugs.locator('tbody tr').first()).toBeVisible();
  const statuses = await drugs.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(statuses.length).toBeGreaterThan(1);
  expect(statuses.every((s) => s === 'Taking' || s === 'Stopped')).toBe(true);
  await expect(page.getByText('80 % or more is generally considered taking it as prescribed.')).toBeVisible();
  const covered = await drugs.locator('tbody tr td:nth-child(8)').allTextContents();
  expect(covered.some((c) => /^\d{1,3} %$/.test(c))).toBe(true);
  await page.getByLabel('Drugs', { exact: true }).selectOption('active');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL(/show=active/);
  await expect(page.getByLabel('Drugs', { exact: true })).toHaveValue('active');
  const statusCells = drugs.locator('tbody tr td:nth-child(2)');
  await expect(statusCells).toHaveCount(statuses.filter((s) => s === 'Taking').length);
  await expect(statusCells.filter({ hasText: 'Stopped' })).toHaveCount(0);
});
