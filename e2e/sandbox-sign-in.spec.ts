import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  appUrl,
  callbackUrl,
  expectNoForeignRequests,
  localApp,
  pkce,
  recordForeignRequests,
  sandboxUrl,
} from './support';

// The sandbox's own sign-in and consent pages, in a real browser: the part of Medicare's flow that the
// app hands the beneficiary to. The app's callback is answered here, so these tests need no sign-in code.

function authorizeUrl(challenge: string, state: string) {
  const params = new URLSearchParams({
    client_id: localApp.clientId,
    redirect_uri: callbackUrl,
    response_type: 'code',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'profile patient/Patient.rs patient/Coverage.rs patient/ExplanationOfBenefit.rs',
  });
  return `${sandboxUrl}/v2/o/authorize/?${params}`;
}

/**
 * The next request the browser makes to the app's callback. Playwright's route handlers do not see the targets of
 * redirects, so the redirect is observed instead; whatever the app answers, the code is not spent because the
 * app's own sign-in state cookies are absent.
 */
async function nextCallback(page: Page): Promise<URL> {
  const request = await page.waitForRequest((r) => r.url().startsWith(`${callbackUrl}?`));
  return new URL(request.url());
}

async function exchange(code: string, verifier: string) {
  const response = await fetch(`${sandboxUrl}/v2/o/token/`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${localApp.clientId}:${localApp.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: callbackUrl,
      code_verifier: verifier,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test('a beneficiary signs in, consents and the app receives a code it can exchange', async ({ page }) => {
  const { verifier, challenge, state } = pkce();
  const foreign = recordForeignRequests(page, [sandboxUrl, appUrl]);

  await page.goto(authorizeUrl(challenge, state));
  await page.getByLabel('Username').fill('BBUser00001');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText(/incorrect|invalid|not recogni[sz]ed/i).first()).toBeVisible();

  await page.getByLabel('Username').fill('BBUser00001');
  await page.getByLabel('Password').fill('PW00001!');
  await page.getByRole('button', { name: 'Log in' }).click();

  const share = page.getByLabel('Share my demographic information');
  await expect(share).toBeChecked();
  const reached = nextCallback(page);
  await page.getByRole('button', { name: 'Connect' }).click();
  const callback = await reached;
  expect(callback.searchParams.get('state')).toBe(state);
  const code = callback.searchParams.get('code') ?? '';
  // 30 characters like Blue Button's, after the canary prefix the end-to-end sandbox adds to find leaks.
  expect(code.replace(/^CANARY_CODE_/, '')).toHaveLength(30);
  await expectNoForeignRequests(foreign);

  const token = await exchange(code, verifier);
  expect(token.status).toBe(200);
  expect(token.body.patient).toBe('-10000000000001');
  expect(String(token.body.scope).split(' ')).toContain('patient/Patient.rs');

  const replay = await exchange(code, verifier);
  expect(replay.status).toBe(400);
});

test('unticking demographics grants a token without the Patient and profile scopes', async ({ page }) => {
  const { verifier, challenge, state } = pkce();
  await page.goto(authorizeUrl(challenge, state));
  await page.getByLabel('Username').fill('BBUser00002');
  await page.getByLabel('Password').fill('PW00002!');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel('Share my demographic information').uncheck();
  const reached = nextCallback(page);
  await page.getByRole('button', { name: 'Connect' }).click();

  const token = await exchange((await reached).searchParams.get('code') ?? '', verifier);
  expect(token.status).toBe(200);
  const scopes = String(token.body.scope).split(' ');
  expect(scopes).toContain('patient/ExplanationOfBenefit.rs');
  expect(scopes).not.toContain('patient/Patient.rs');
  expect(scopes).not.toContain('profile');
});

test('cancelling consent returns access_denied with the state', async ({ page }) => {
  const { challenge, state } = pkce();
  await page.goto(authorizeUrl(challenge, state));
  await page.getByLabel('Username').fill('BBUser00003');
  await page.getByLabel('Password').fill('PW00003!');
  await page.getByRole('button', { name: 'Log in' }).click();
  const reached = nextCallback(page);
  await page.getByRole('button', { name: 'Cancel' }).click();
  const callback = await reached;
  expect(callback.searchParams.get('error')).toBe('access_denied');
  expect(callback.searchParams.get('state')).toBe(state);
  expect(callback.searchParams.has('code')).toBe(false);
});

test('the sign-in and consent pages have no detectable accessibility violations', async ({ page }) => {
  const { challenge, state } = pkce();
  await page.goto(authorizeUrl(challenge, state));
  const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect((await axe()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByLabel('Username').fill('BBUser00004');
  await page.getByLabel('Password').fill('PW00004!');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByLabel('Share my demographic information')).toBeVisible();
  expect((await axe()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
