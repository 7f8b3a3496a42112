/**
 * `npm run demo:screenshots`: the screens of docs/cms-demo.md, taken from the running app. It builds the app
 * (`next build`; `DEMO_SKIP_BUILD=1` uses an existing `.next`), starts the local sandbox in its own process and
 * `next start` as `npm start` runs it, then walks through the demo in the system Chromium (`CHROME_PATH`, else
 * `which chromium`) as a beneficiary would: the consent on the home page, Medicare's sign-in and consent pages
 * (the sandbox's stand-ins), every dashboard page, a claim, the settings and their confirmations, the privacy
 * policy and the terms. Each screen is saved as `docs/screenshots/demo-<name>.png` at 1280 × 900 (the first
 * screen of the page, as a reviewer sees it). Signs in as `BBUser02000` (`DEMO_USER` for another).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import {
  buildUnlessSkipped,
  freePort,
  ROOT,
  startNextApp,
  startSandboxProcess,
  stopProcess,
} from './bench/support';
import { chromiumPath, CHROMIUM_FLAGS, onInterrupt } from './budget-support';

const USER = process.env.DEMO_USER || 'BBUser02000';
const OUT = path.join(ROOT, 'docs', 'screenshots');
/** Only for the app this script starts; never a deployment's. */
const AUTH_SECRET = 'demo-screenshots-only-auth-secret-never-used-by-a-deployment-0123456789';

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const file = path.join(OUT, `demo-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`saved ${path.relative(ROOT, file)}`);
}

async function visit(page: Page, url: string, name: string): Promise<void> {
  const response = await page.goto(url);
  if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status()}`);
  await shot(page, name);
}

async function main(): Promise<number> {
  await buildUnlessSkipped('DEMO_SKIP_BUILD');
  mkdirSync(OUT, { recursive: true });
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const sandbox = await startSandboxProcess({
    latencyMs: 0,
    redirectUris: [`${url}/api/auth/callback/bluebutton`],
  });
  const app = await startNextApp(port, sandbox.url, { NEXTAUTH_SECRET: AUTH_SECRET }).catch(async (error) => {
    await stopProcess(sandbox.child);
    throw error;
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  const stop = async () => {
    await browser.close();
    await stopProcess(app.child);
    await stopProcess(sandbox.child);
  };
  const forget = onInterrupt(stop);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await visit(page, `${url}/`, 'home');
    await page
      .getByRole('checkbox', { name: /^I agree to let this app read my Medicare information/ })
      .check();
    await shot(page, 'consent-ticked');
    await page.getByRole('button', { name: 'Connect to Medicare' }).click();
    await page.getByLabel('Username').waitFor();
    await shot(page, 'medicare-sign-in');
    await page.getByLabel('Username').fill(USER);
    await page.getByLabel('Password').fill(`PW${USER.slice(-5)}!`);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Connect' }).waitFor();
    await shot(page, 'medicare-consent');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.waitForURL(`${url}/dashboard`, { timeout: 120_000 });
    await shot(page, 'overview');
    for (const name of ['spending', 'prescriptions', 'claims', 'coverage', 'profile', 'settings']) {
      await visit(page, `${url}/dashboard/${name}`, name);
    }
    const list = (await (await page.request.get(`${url}/api/claims?type=carrier&pageSize=1`)).json()) as {
      items: { id: string }[];
    };
    const claim = list.items[0];
    if (claim) await visit(page, `${url}/dashboard/claims/${encodeURIComponent(claim.id)}`, 'claim');
    for (const name of ['sign-out', 'disconnect', 'delete']) {
      await visit(page, `${url}/account/${name}`, `confirm-${name}`);
    }
    await visit(page, `${url}/privacy`, 'privacy');
    await visit(page, `${url}/terms`, 'terms');
    await page.goto(`${url}/account/delete`);
    await page.getByRole('button', { name: 'Yes, delete my data now' }).click();
    await page.waitForURL((target) => !target.pathname.startsWith('/account/'));
    await shot(page, 'deleted');
    return 0;
  } finally {
    forget();
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
