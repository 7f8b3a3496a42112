import { expect, test, type Page } from '@playwright/test';
import { appUrl, control, seriousViolations, signInWithMedicare, SIZES } from './support';

// A claim's detail in a real browser: reached from the claims table by keyboard, its money as a story equal to
// /api/claims/<id>, descriptions for its codes, every kind of claim at desktop and phone width with axe, the
// unknown claim's 404, and the print view of the detail and the prescriptions page.

interface ApiClaim {
  id: string;
  type: string;
  billed: number;
  medicarePaid: number;
  youPaid: number;
  allowed: number | null;
  deductible: number;
  coinsurance: number;
  bloodDeductible: number;
  diagnoses: { code: string }[];
  lines: { code: string | null }[];
}

const dollars = (n: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);

test.beforeEach(async () => {
  await control.reset();
});

async function firstClaimOf(page: Page, type: string): Promise<ApiClaim> {
  const list = (await (await page.request.get(`/api/claims?type=${type}&pageSize=1`)).json()) as {
    items: { id: string }[];
  };
  expect(list.items.length, `a ${type} claim`).toBe(1);
  const response = await page.request.get(`/api/claims/${list.items[0]!.id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ApiClaim;
}

function step(page: Page, label: string) {
  return page.getByRole('region', { name: 'The money' }).getByRole('listitem').filter({ hasText: label });
}

test('a claim opens from the claims table by keyboard and tells its money as billed → allowed → paid → owed', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10120' });
  await page.goto('/dashboard/claims?type=carrier&sort=date-desc');
  const link = page.getByRole('table', { name: 'Claims' }).getByRole('link').first();
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/dashboard\/claims\/carrier-/);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const claim = (await (await page.request.get(`/api/claims/${id}`)).json()) as ApiClaim;
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Doctor or clinic visit');
  await expect(step(page, 'Billed')).toContainText(dollars(claim.billed));
  expect(claim.allowed).not.toBeNull();
  await expect(step(page, 'Medicare-approved amount')).toContainText(dollars(claim.allowed!));
  await expect(step(page, 'Medicare paid')).toContainText(dollars(claim.medicarePaid));
  await expect(step(page, 'You may owe')).toContainText(dollars(claim.youPaid));
  expect(claim.deductible + claim.coinsurance + claim.bloodDeductible).toBeCloseTo(claim.youPaid, 2);
  // Every diagnosis is listed with a description, never the bare code alone.
  const diagnoses = page.getByRole('table', { name: 'Diagnoses on this claim' });
  await expect(diagnoses.locator('tbody tr')).toHaveCount(claim.diagnoses.length);
  await expect(diagnoses.getByText('No description')).toHaveCount(0);
  const services = page.getByRole('table', { name: 'Services on this claim' });
  await expect(services.locator('tbody tr')).toHaveCount(claim.lines.length);
  // The raw claim is offered as a download of this claim.
  await expect(
    page.getByRole('link', { name: 'Download this claim as Medicare sent it (FHIR JSON)' }),
  ).toHaveAttribute('href', `/api/claims/${encodeURIComponent(id)}/fhir`);
  await page.getByRole('link', { name: 'All claims' }).click();
  await expect(page).toHaveURL(`${appUrl}/dashboard/claims`);
});

test('every kind of claim’s detail, at desktop and phone width: no serious accessibility violation, no sideways scrolling', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10500' });
  for (const type of ['carrier', 'dme', 'outpatient', 'inpatient', 'snf', 'hha', 'hospice', 'pde']) {
    const list = (await (await page.request.get(`/api/claims?type=${type}&pageSize=1`)).json()) as {
      items: { id: string }[];
    };
    if (list.items.length === 0) continue;
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      const response = await page.goto(`/dashboard/claims/${encodeURIComponent(list.items[0]!.id)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { name: 'The money' })).toBeVisible();
      expect(await seriousViolations(page), `${type} at ${size.name}`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${type} at ${size.name} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
});

test('a prescription fill’s detail names the drug, the pharmacy and what the plan and you paid', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10120' });
  const claim = await firstClaimOf(page, 'pde');
  await page.goto(`/dashboard/claims/${encodeURIComponent(claim.id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Prescription fill');
  await expect(page.getByRole('heading', { name: 'The prescription' })).toBeVisible();
  await expect(step(page, 'Full cost of the drug')).toContainText(dollars(claim.billed));
  await expect(step(page, 'Your drug plan paid')).toContainText(dollars(claim.medicarePaid));
  await expect(step(page, 'You paid')).toContainText(dollars(claim.youPaid));
});

test('an unknown claim, or an id that cannot be one, is the not-found page with status 404', async ({
  page,
}) => {
  await signInWithMedicare(page);
  for (const path of ['/dashboard/claims/carrier-0000000000', '/dashboard/claims/%3Cscript%3E']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'We can’t find that page' })).toBeVisible();
  }
});

test('printing leaves out navigation, forms and buttons and prints the tables behind the charts', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10500' });
  const claim = await firstClaimOf(page, 'carrier');
  await page.goto(`/dashboard/claims/${encodeURIComponent(claim.id)}`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'The money' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.goto('/dashboard/prescriptions');
  const fills = page.getByRole('table', { name: /every fill/ });
  await expect(fills).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(fills).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show', exact: true })).toBeHidden();
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(fills).toBeHidden();
});

test('prescriptions: the fill history shows every drug filled in the period, and the period lives in the URL', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10500' });
  await page.goto('/dashboard/prescriptions');
  await expect(page.getByRole('heading', { name: 'Fill history, last 12 months' })).toBeVisible();
  const years = await page.getByLabel('Fill history period').locator('option').allTextContents();
  expect(years[0]).toBe('Last 12 months');
  const year = years[1]!;
  await page.getByLabel('Fill history period').selectOption(year);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL(new RegExp(`span=${year}`));
  await expect(page.getByRole('heading', { name: `Fill history, ${year}` })).toBeVisible();
  // The table behind the timeline holds exactly the year's fills.
  const fills = (await (
    await page.request.get(`/api/prescriptions?from=${year}-01-01&to=${year}-12-31`)
  ).json()) as {
    items: { date: string }[];
  };
  await page.getByText('Show the fills as a table').click();
  const rows = page.getByRole('table', { name: `Fill history, ${year}: every fill` }).locator('tbody tr');
  const shown = await rows.count();
  // Fills from late in the year before whose supply runs into this year are drawn too.
  expect(shown).toBeGreaterThanOrEqual(fills.items.length);
  await expect(page.getByRole('heading', { name: 'Yearly limit on drug costs (Part D)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: year, level: 3 })).toBeVisible();
});
