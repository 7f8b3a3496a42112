/**
 * What the budget scripts (`npm run lighthouse`, `npm run size`) share: the production build (skipped on
 * request when one exists), the system Chromium and its flags, and the app as `npm start` serves it beside the
 * local sandbox in its own process, signed in as a browser would be (next-auth's endpoints and the sandbox's
 * approval, e2e/http-client.ts). The sandbox and process helpers are the bench's (scripts/bench/support.ts).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SandboxControlClient } from '../sandbox/control/client';
import { AppClient } from '../e2e/http-client';
import { freePort, ROOT, startNextApp, startSandboxProcess, stopProcess } from './bench/support';

/** The production build's folder. */
export const NEXT_DIR = path.join(ROOT, '.next');

/** The beneficiary the budgets sign in as (`BBUser10500` has 500 claims), unless `LIGHTHOUSE_USER`. */
export const BUDGET_USER = process.env.LIGHTHOUSE_USER || 'BBUser10500';

/** The pages the budgets are measured on. */
export const BUDGET_PAGES = ['/dashboard', '/dashboard/spending'] as const;

/** Only for the app these scripts start; never a deployment's. */
const AUTH_SECRET = 'budget-scripts-only-auth-secret-never-used-by-a-deployment-0123456789';

/** Flags for the system Chromium, as the budgets run it: headless, and quiet on the network. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** `CHROME_PATH`, else the system's `chromium` (`which chromium`). */
export function chromiumPath(): string {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('no chromium on PATH (on Debian: apt-get install chromium), and CHROME_PATH is not set');
  }
}

const cleanups = new Set<() => unknown>();

/**
 * Runs `cleanup` if this process is interrupted (SIGINT, SIGTERM) before the returned function is called, then
 * exits; so an interrupted run leaves nothing it started behind.
 */
export function onInterrupt(cleanup: () => unknown): () => void {
  if (cleanups.size === 0) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        console.error(`\n${signal}: stopping what this run started`);
        void Promise.allSettled([...cleanups].map(async (c) => c())).then(() => process.exit(1));
      });
    }
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** The app (`next start`) and the sandbox it signs in at, with a signed-in client. */
export interface SignedInApp {
  /** The app's origin, `http://localhost:<port>`. */
  url: string;
  /** A client holding the session cookie of `BUDGET_USER`. */
  client: AppClient;
  /** The `Cookie` header a browser of that session sends. */
  cookie: string;
  /** Stops the app and the sandbox. */
  stop(): Promise<void>;
}

/**
 * The sandbox (its own process, mode `test`, no latency) and `next start` on free ports, and `BUDGET_USER`
 * signed in through next-auth and the sandbox's approval. On failure, stops what it started.
 */
export async function startSignedInApp(): Promise<SignedInApp> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const sandbox = await startSandboxProcess({
    latencyMs: 0,
    redirectUris: [`${url}/api/auth/callback/bluebutton`],
  });
  let app: ChildProcess | undefined;
  const stop = async () => {
    forget();
    if (app) await stopProcess(app);
    await stopProcess(sandbox.child);
  };
  const forget = onInterrupt(stop);
  try {
    app = (await startNextApp(port, sandbox.url, { NEXTAUTH_SECRET: AUTH_SECRET })).child;
    const client = new AppClient(url, new SandboxControlClient(sandbox.url));
    await client.signIn({ user: BUDGET_USER });
    if (!client.hasSession()) throw new Error(`signing in as ${BUDGET_USER} left no session cookie`);
    return { url, client, cookie: client.cookieHeader(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Whether `page` exists for the signed-in client: `GET` it as the browser would (this also loads the
 * beneficiary's claims, so measurements see a warm data cache). 404: not built yet; another non-200 answer
 * (a redirect to sign-in, an error page) throws.
 */
export async function pageExists(app: SignedInApp, page: string): Promise<boolean> {
  const response = await app.client.fetch(page, { signal: AbortSignal.timeout(120_000) });
  await response.arrayBuffer();
  if (response.status === 404) return false;
  if (response.status !== 200) {
    const to = response.headers.get('location');
    throw new Error(`GET ${page} answered ${response.status}${to ? ` (to ${to})` : ''}`);
  }
  return true;
}
