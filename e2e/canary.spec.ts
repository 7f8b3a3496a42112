import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Request } from '@playwright/test';
import { E2E_APP_PORT, E2E_AUTH_SECRET } from '../playwright.config';
import { startAppInstance, type AppInstance } from './app-instance';
import { visitEveryPage } from './page-checks';
import { control, localApp, sandboxUrl, signInWithMedicare } from './support';

// The canary leak scan (docs/reliability.md #46). The sandbox runs with SANDBOX_CANARY=1: its tokens and codes
// start CANARY_AT_, CANARY_RT_ and CANARY_CODE_, and BBUser29999 is "Zyx Canaryname". After a whole session —
// sign-in, every page, refreshes (one renewing the tokens), Medicare failing, sign-out — none of them may be in
// the server's output, the browser's storage, any URL the browser opened after Medicare's pages, or the build's
// static files. The app runs here as its own `next start`, so that everything it prints is captured.

const PORT = E2E_APP_PORT + 93;
const ORIGIN = `http://localhost:${PORT}`;
const USER = 'BBUser29999';
const PATIENT_ID = '10000000029999'; // -10000000029999, with or without its sign
const CANARIES = ['CANARY_AT_', 'CANARY_RT_', 'CANARY_CODE_', 'Canaryname', PATIENT_ID];

let app: AppInstance;

test.use({ baseURL: ORIGIN });

test.beforeAll(async () => {
  app = await startAppInstance(PORT, ORIGIN, { DATA_REFRESH_COOLDOWN_SECONDS: '0' });
});

test.afterAll(async () => {
  await app?.stop();
  await control.reset(); // the registered redirect URIs back to the defaults, for the other specs
});

/** The canaries and every secret value the sandbox saw in this session, found in `text`. */
function leaks(text: string, secrets: string[]): string[] {
  return [...CANARIES, ...secrets].filter((value) => text.includes(value));
}

/** Every file of the build's static output, as text. */
function staticFiles(dir = path.join('.next', 'static')): [string, string][] {
  return readdirSync(dir).flatMap((name): [string, string][] => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? staticFiles(full) : [[full, readFileSync(full, 'latin1')]];
  });
}

test('after a full session with the canary beneficiary, no token, code, name or id is in the server’s output, the browser’s storage, a URL or the static files', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await control.reset();
  await control.updateApp(localApp.clientId, { redirectUris: [`${ORIGIN}/api/auth/callback/bluebutton`] });
  const visitedUrls: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visitedUrls.push(frame.url());
  });
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));

  await signInWithMedicare(page, { user: USER });
  await expect(page).toHaveURL(`${ORIGIN}/dashboard`);
  await expect(page.getByText('Signed in as Zyx Canaryname')).toBeVisible();
  const visited = await visitEveryPage(page, ORIGIN, [
    '/dashboard',
    '/dashboard/claims',
    '/dashboard/no-such-page',
    '/account/disconnect',
    '/',
  ]);
  expect(visited.length).toBeGreaterThan(8);

  // Refreshes: one fetching again, one after Medicare's clock moved past the access token's hour (a renewal).
  await page.goto('/dashboard?fresh=1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await control.advanceClock(3601);
  await page.goto('/dashboard/claims?fresh=1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claims');
  const tokenForms = (await control.requests('token')).map((r) => r.form ?? {});
  expect(tokenForms.map((f) => f.grant_type)).toEqual(['authorization_code', 'refresh_token']);

  // Medicare failing: the page shows a reference, which is also in the server's log.
  await control.script('eob', { status: 500, json: { detail: 'boom' }, times: 1000 });
  await page.goto('/dashboard/prescriptions?fresh=1');
  const reference = await page.locator('.font-mono').textContent();
  expect(reference).toMatch(/^[0-9a-f-]{36}$/);
  expect((await page.request.get('/api/summary?fresh=1')).status()).toBe(503);
  await control.clearScripts();

  const session = await (await page.request.get('/api/auth/session')).text();
  const storage = await page.evaluate(async () => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    databases: JSON.stringify(await indexedDB.databases()),
  }));
  const cookiesSignedIn = JSON.stringify(await context.cookies(ORIGIN));

  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/?signedOut=1`);
  const cookiesSignedOut = JSON.stringify(await context.cookies(ORIGIN));

  // Every secret value the sandbox saw: codes, verifiers, refresh tokens, access tokens.
  const logged = await control.requests();
  const secrets = [
    ...logged.flatMap((r) => Object.values(r.form ?? {}).flat()),
    ...logged.map((r) => r.headers.authorization?.replace(/^(Bearer|Basic) /, '') ?? ''),
  ].filter((value) => value.length >= 20);
  expect(secrets.some((s) => s.startsWith('CANARY_AT_'))).toBe(true);
  expect(secrets.some((s) => s.startsWith('CANARY_RT_'))).toBe(true);
  expect(secrets.some((s) => s.startsWith('CANARY_CODE_'))).toBe(true);
  secrets.push(localApp.clientSecret, E2E_AUTH_SECRET);

  // (a) The server's output: nothing, not even an Authorization header or a verifier.
  const output = app.output();
  await test.info().attach('server output', { body: output, contentType: 'text/plain' });
  expect(output).toContain(`"requestId":"${reference}"`);
  expect(leaks(output, secrets), 'in the server output').toEqual([]);
  expect(output).not.toMatch(/Bearer |Basic |code_verifier|authorization/i);

  // (b) The browser's storage; the session JSON, which shows the name by design, holds no token or code.
  for (const [where, text] of Object.entries({ ...storage, cookiesSignedIn, cookiesSignedOut }))
    expect(leaks(text, secrets), `in ${where}`).toEqual([]);
  expect(leaks(session, secrets).filter((found) => found !== 'Canaryname')).toEqual([]);
  expect(session).not.toMatch(/access_?token|refresh_?token|patient/i);

  // (c) URLs: every page opened, every request sent, and any Referer, except Medicare's own sign-in pages and
  // the callback, whose query carries the code as OAuth requires.
  const callbacks = requests.filter((r) => r.url().startsWith(`${ORIGIN}/api/auth/callback/`));
  expect(callbacks.length).toBe(1);
  expect(callbacks[0]!.url()).toContain('code=CANARY_CODE_');
  const ours = requests.filter((r) => !r.url().startsWith(sandboxUrl) && !callbacks.includes(r));
  expect(ours.length).toBeGreaterThan(20);
  const urls = [...visitedUrls.filter((u) => !u.startsWith(sandboxUrl)), ...ours.map((r) => r.url())];
  expect(leaks(urls.join('\n'), secrets), 'in a URL').toEqual([]);
  const referers = await Promise.all(requests.map(async (r) => (await r.allHeaders()).referer ?? ''));
  expect(
    referers.filter((r) => r.startsWith(ORIGIN)),
    'our pages send no Referer',
  ).toEqual([]);
  expect(leaks(referers.join('\n'), secrets), 'in a Referer').toEqual([]);

  // (d) The build's static files hold no canary and no secret.
  const files = staticFiles();
  expect(files.length).toBeGreaterThan(10);
  const found = files.filter(
    ([, text]) => leaks(text, [...CANARIES, localApp.clientSecret, E2E_AUTH_SECRET]).length,
  );
  expect(found.map(([file]) => file)).toEqual([]);
});
