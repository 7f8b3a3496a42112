import { expect, test } from '@playwright/test';
import { E2E_APP_PORT } from '../playwright.config';
import { startAppInstance, type AppInstance } from './app-instance';
import { AppClient, control, localApp, signInWithMedicare } from './support';

// What a beneficiary reads when Medicare answers a status not worth retrying (docs/reliability.md #29), and
// what an unexpected answer during a data load or sign-in leaves in the page and the server's log (#47). Faults
// come from the sandbox only. The app runs here as its own `next start`, with a support address configured and
// everything it prints captured. The sandbox runs with SANDBOX_CANARY=1: BBUser29999 is "Zyx Canaryname", and
// tokens and codes start CANARY_AT_, CANARY_RT_ and CANARY_CODE_.

const PORT = E2E_APP_PORT + 95;
const ORIGIN = `http://localhost:${PORT}`;
const CONTACT = 'help@medicare-claims.example.org';
const USER = 'BBUser29999';
const PHI_AND_SECRETS = ['CANARY_AT_', 'CANARY_RT_', 'CANARY_CODE_', 'Canaryname', '10000000029999'];
/** What a stack trace or a server file path looks like in a page or a log line. */
const STACK_OR_PATH = /\bat [\w.<>]+ \(|\.(?:ts|tsx|js|mjs):\d+|\/work\/|node_modules|\.next\/server|webpack/;

let app: AppInstance;

test.use({ baseURL: ORIGIN });

test.beforeAll(async () => {
  app = await startAppInstance(PORT, ORIGIN, {
    DATA_REFRESH_COOLDOWN_SECONDS: '0',
    APP_CONTACT_EMAIL: CONTACT,
  });
});

test.afterAll(async () => {
  await app?.stop();
  await control.reset(); // the registered redirect URIs and the app's state back to the defaults
});

test.beforeEach(async () => {
  await control.reset();
  await control.updateApp(localApp.clientId, { redirectUris: [`${ORIGIN}/api/auth/callback/bluebutton`] });
});

/** The server's output lines that carry `requestId`. */
function linesWith(requestId: string): string[] {
  return app
    .output()
    .split('\n')
    .filter((line) => line.includes(`"requestId":"${requestId}"`));
}

/** Checks a page or log text holds no stack, path, token, code, name or patient id. */
function expectClean(label: string, text: string) {
  expect(text, `${label}: a stack trace or file path`).not.toMatch(STACK_OR_PATH);
  expect(
    PHI_AND_SECRETS.filter((value) => text.includes(value)),
    `${label}: a token, code, name or id`,
  ).toEqual([]);
}

const STATUS_CASES = [
  {
    name: '400',
    step: { status: 400, json: { detail: 'Invalid type parameter: bogus' } },
    message: `Medicare could not answer this request for your information. Contact us at ${CONTACT}.`,
  },
  {
    name: '403',
    step: { status: 403, json: { detail: 'You do not have permission to perform this action.' } },
    message: 'Medicare did not let this app read this part of your information.',
  },
  {
    name: '403 of an inactive app',
    step: { status: 403, json: { detail: 'This application, Dashboard, is temporarily inactive.' } },
    message: `This app can’t reach Medicare right now because Medicare has paused its access. Contact us at ${CONTACT}.`,
  },
  {
    name: '404',
    step: { status: 404, json: { detail: 'Not found.' } },
    message: 'Medicare could not find your records. If you joined Medicare recently, please try again later.',
  },
] as const;

test('each status not worth retrying has its own message, in the API and on the page (RELIABILITY 29)', async () => {
  const client = new AppClient(ORIGIN);
  await client.signIn({ user: 'BBUser10006' });
  for (const { name, step, message } of STATUS_CASES) {
    await control.script('eob', { ...step, times: 1000 });
    const summary = await client.fetch('/api/summary?fresh=1');
    expect(summary.status, name).toBe(503);
    const body = (await summary.json()) as { error: { code: string; message: string } };
    expect(body.error, name).toEqual({ code: 'medicare_unavailable', message });

    const page = await client.fetch('/dashboard/claims?fresh=1');
    const html = await page.text();
    expect(html, name).toContain(message);
    expect(html, name).toContain(`<span class="font-mono">${page.headers.get('x-request-id')}</span>`);
    expect(html, `${name}: Medicare's own words`).not.toContain(step.json.detail);
    await control.clearScripts();
  }
});

test('when Medicare switches the app off, the reconnect page gives the support contact (RELIABILITY 29)', async ({
  page,
}) => {
  await signInWithMedicare(page);
  await expect(page).toHaveURL(`${ORIGIN}/dashboard`);
  await control.updateApp(localApp.clientId, { active: false });
  await page.goto('/dashboard/claims?fresh=1');
  await expect(page).toHaveURL(`${ORIGIN}/auth/error?reason=app_inactive`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This app is paused by Medicare');
  await expect(page.getByText(`Contact us at ${CONTACT}.`)).toBeVisible();
});

test('an unreadable Medicare answer during a data load: a generic message and the request’s reference, nothing else in page or log (RELIABILITY 47)', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: USER });
  await expect(page).toHaveURL(`${ORIGIN}/dashboard`);
  const faults = [
    { body: '{', contentType: 'application/fhir+json' },
    { json: { resourceType: 'Bundle', total: 1, entry: 'not a list' } },
    { json: [{ resourceType: 'ExplanationOfBenefit', id: 'carrier--1', patient: 'Zyx Canaryname' }] },
  ];
  for (const fault of faults) {
    const label = JSON.stringify(fault);
    await control.script('eob', { ...fault, times: 1000 });
    const response = await page.goto('/dashboard/claims?fresh=1');
    const id = response?.headers()['x-request-id'];
    expect(id, label).toMatch(/^[0-9a-f-]{36}$/);
    await expect(
      page.getByText("We couldn't read your Medicare data. Please try again later."),
      label,
    ).toBeVisible();
    await expect(page.locator('.font-mono'), label).toHaveText(id!);
    // The header shows the beneficiary's name by design; the rest of the page holds none.
    expectClean(`page after ${label}`, await page.locator('main').innerText());
    expect(await page.content(), label).not.toContain('not a list');

    const lines = linesWith(id!);
    expect(
      lines.some((line) => line.includes('"event":"page.data_failed"')),
      label,
    ).toBe(true);
    for (const line of lines) expectClean(`log line ${line}`, line);
    await control.clearScripts();
  }

  // Valid pages of an unexpected shape reach the mapper, which leaves out what it cannot read: no raw error in
  // the page, and the log counts them under the request's id with nothing of their content.
  const odd = {
    resourceType: 'ExplanationOfBenefit',
    id: 'carrier--1',
    item: 5,
    total: 'x',
    patient: 'Zyx Canaryname',
  };
  await control.script('eob', {
    json: { resourceType: 'Bundle', total: 'many', entry: [null, 1, { resource: odd }] },
    times: 1000,
  });
  const response = await page.goto('/dashboard/claims?fresh=1');
  const id = response?.headers()['x-request-id'];
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claims');
  expectClean('page after an unexpected shape', await page.locator('main').innerText());
  const lines = linesWith(id!);
  expect(lines.some((line) => line.includes('"event":"data.unreadable_resources"'))).toBe(true);
  for (const line of lines) expectClean(`log line ${line}`, line);
  await control.clearScripts();
});

test('a malformed token answer during sign-in: a generic page, no stack, token or name in page or log (RELIABILITY 47)', async ({
  page,
}) => {
  const shapes = [
    { patch: { access_token: { nested: 'CANARY_AT_x' }, token_type: 42, expires_in: 'soon' } },
    { json: ['CANARY_AT_in_a_list'] },
    { body: '{"access_token": "CANARY_AT_', contentType: 'application/json' },
  ];
  for (const shape of shapes) {
    const label = JSON.stringify(shape);
    await control.script('token', shape);
    let callbackId: string | undefined;
    page.on('response', (response) => {
      if (response.url().startsWith(`${ORIGIN}/api/auth/callback/`))
        callbackId = response.headers()['x-request-id'];
    });
    await signInWithMedicare(page, { user: USER });
    await expect(page, label).toHaveURL(/\/auth\/error\?reason=/);
    await expect(page.getByRole('heading', { level: 1 }), label).toHaveText(
      'Medicare sent an answer we could not read',
    );
    expectClean(`page after ${label}`, await page.locator('body').innerText());
    expect(await page.content(), label).not.toMatch(/CANARY_|Canaryname/);
    expect(callbackId, label).toMatch(/^[0-9a-f-]{36}$/);
    const lines = linesWith(callbackId!);
    expect(lines.length, `${label}: the callback is in the log`).toBeGreaterThan(0);
    for (const line of lines) expectClean(`log line ${line}`, line);
    await control.clearScripts();
    await page.context().clearCookies();
    page.removeAllListeners('response');
  }
  expectClean('the whole server output', app.output());
});
