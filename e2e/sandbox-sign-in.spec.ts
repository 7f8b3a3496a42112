import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
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

async function captureCallback(page: Page) {
  const seen: URL[] = [];
  await page.route(`${callbackUrl}**`, async (route) => {
    seen.push(new URL(route.request().url()));
    await route.fulfill({ status: 200, contentType: 'text/plain', body: 'callback reached' });
  });
  return seen;
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
  const foreign = recordForeignRequests(page, [sandboxUrl]);
  const callbacks = await captureCallback(page);

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
  await page.getByRole('button', { name: 'Connect' }).click();

  await expect(page.getByText('callback reached')).toBeVisible();
  expect(callbacks).toHaveLength(1);
  const callback = callbacks[0]!;
  expect(callback.searchParams.get('state')).toBe(state);
  const code = callback.searchParams.get('code') ?? '';
  expect(code).toHaveLength(30);
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
  const callbacks = await captureCallback(page);
  await page.goto(authorizeUrl(challenge, state));
  await page.getByLabel('Username').fill('BBUser00002');
  await page.getByLabel('Password').fill('PW00002!');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel('Share my demographic information').uncheck();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByText('callback reached')).toBeVisible();

  const token = await exchange(callbacks[0]!.searchParams.get('code') ?? '', verifier);
  expect(token.status).toBe(200);
  const scopes = String(token.body.scope).split(' ');
  expect(scopes).toContain('patient/ExplanationOfBenefit.rs');
  expect(scopes).not.toContain('patient/Patient.rs');
  expect(scopes).not.toContain('profile');
});

test('cancelling consent returns access_denied with the state', async ({ page }) => {
  const { challenge, state } = pkce();
  const callbacks = await captureCallback(page);
  await page.goto(authorizeUrl(challenge, state));
  await page.getByLabel('Username').fill('BBUser00003');
  await page.getByLabel('Password').fill('PW00003!');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('callback reached')).toBeVisible();
  expect(callbacks[0]!.searchParams.get('error')).toBe('access_denied');
  expect(callbacks[0]!.searchParams.get('state')).toBe(state);
  expect(callbacks[0]!.searchParams.has('code')).toBe(false);
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
