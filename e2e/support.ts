import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { E2E_APP_PORT, E2E_SANDBOX_PORT } from '../playwright.config';
import { SandboxControlClient } from '../sandbox/control/client';
import { AppClient as HttpAppClient } from './http-client';

export const appUrl = `http://localhost:${E2E_APP_PORT}`;
export const sandboxUrl = `http://localhost:${E2E_SANDBOX_PORT}`;
export const callbackUrl = `${appUrl}/api/auth/callback/bluebutton`;

/** The local sandbox's default registered app, and PKCE values as Blue Button clients make them. */
export { DEFAULT_APP as localApp, pkce } from '../sandbox/server.test-support';

/** Records every request the page makes that does not go to one of the allowed origins. */
export function recordForeignRequests(page: Page, allowedOrigins: string[]): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!allowedOrigins.includes(url.origin)) foreign.push(request.url());
  });
  return foreign;
}

export async function expectNoForeignRequests(foreign: string[]) {
  expect(foreign, 'requests to third parties').toEqual([]);
}

/** The sandbox's control API, for counters, faults and resets. */
export const control = new SandboxControlClient(sandboxUrl);

/** The cookie-keeping HTTP client of http-client.ts on this run's app (or another instance) and sandbox. */
export class AppClient extends HttpAppClient {
  constructor(base: string = appUrl) {
    super(base, control);
  }
}

/** The box a beneficiary ticks to agree to share before connecting (components/auth/connect-button.tsx). */
export const CONSENT_LABEL = /^I agree to let this app read my Medicare information/;

/** Starts connecting from the home page as a beneficiary does: ticks the consent box, then Connect. */
export async function connectFromHome(page: Page) {
  await page.goto('/');
  await page.getByRole('checkbox', { name: CONSENT_LABEL }).check();
  await page.getByRole('button', { name: 'Connect to Medicare' }).click();
}

/** Whether the sandbox still honours a refresh token: a refresh POST with the local app's credentials. */
export async function refreshTokenWorks(refreshToken: string): Promise<boolean> {
  const { DEFAULT_APP } = await import('../sandbox/server.test-support');
  const credentials = Buffer.from(`${DEFAULT_APP.clientId}:${DEFAULT_APP.clientSecret}`).toString('base64');
  const response = await fetch(`${sandboxUrl}/v2/o/token/`, {
    method: 'POST',
    headers: { authorization: `Basic ${credentials}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
  await response.arrayBuffer();
  return response.status === 200;
}

/** Signs in through the home page and the sandbox's own pages, as a beneficiary would. */
export async function signInWithMedicare(
  page: Page,
  { user = 'BBUser00001', shareDemographics = true }: { user?: string; shareDemographics?: boolean } = {},
) {
  await connectFromHome(page);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(`PW${user.slice(-5)}!`);
  await page.getByRole('button', { name: 'Log in' }).click();
  const share = page.getByLabel('Share my demographic information');
  if (!shareDemographics) await share.uncheck();
  await page.getByRole('button', { name: 'Connect' }).click();
}

/** The two widths every page is checked at. */
export const SIZES = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 812 },
] as const;

/** axe's serious and critical violations of WCAG 2.2 A and AA on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** CMS's attribution sentence: the one place the API's own name may appear on a page. */
const ATTRIBUTION =
  'This product uses the Blue Button APIs but is not endorsed or certified by the Centers for Medicare & ' +
  'Medicaid Services or the U.S. Department of Health and Human Services.';

/**
 * What every page of the app must have: the footer with the privacy policy, the terms and CMS's attribution;
 * no password field (the app never asks for Medicare credentials); and the data source named "Medicare", never
 * "Blue Button", outside the attribution sentence.
 */
export async function expectFooterNoPasswordMedicare(page: Page, path: string) {
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: 'Privacy policy' }), path).toHaveAttribute(
    'href',
    '/privacy',
  );
  await expect(footer.getByRole('link', { name: 'Terms of use' }), path).toHaveAttribute('href', '/terms');
  await expect(footer.getByText(ATTRIBUTION), path).toBeVisible();
  await expect(page.locator('input[type="password"]'), path).toHaveCount(0);
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ').split(ATTRIBUTION).join('');
  expect(text, `${path} names the data source other than "Medicare"`).not.toMatch(/blue ?button/i);
}
