/**
 * The app section of `npm run bench`: the whole app path as a browser calls it. It builds the app (`next
 * build`; skipped with `BENCH_SKIP_BUILD=1` when `.next` exists), starts the sandbox in its own process with
 * 100 ms latency per request and `next start` as `npm start` does, signs in through next-auth's real
 * endpoints and the sandbox's approval (e2e/http-client.ts), and times `GET /api/summary?fresh=1` over HTTP
 * with the session cookie for beneficiaries with 500 and 2,000 claims, with the app server's CPU per load;
 * beside it CMS's `cms-bluebutton-sdk` collecting the same claims (`getPages`, BB2's default page of 10).
 * Then the peak RSS of a fresh `next start` loading 9,999 claims once.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { SandboxControlClient } from '@/sandbox/server.test-support';
import { AppClient } from '../../e2e/http-client';
import type { BenchSection } from '../bench';
import {
  freePort,
  median,
  printTable,
  buildUnlessSkipped,
  sdkClaims,
  sdkSignIn,
  startSandboxProcess,
  stopProcess,
  verdict,
  startNextApp,
  type NextApp,
} from './support';

const LATENCY_MS = 100;
/** `BBUser1NNNN` has exactly NNNN claims. Rows run in this order, so the RSS column grows with the loads. */
const USERS = [10_500, 12_000] as const;
const PEAK_USER = 19_999;
const WARM_UP_RUNS = 3;
const RUNS = 7;
const TARGETS = { ratio: { 500: 15, 2000: 25 }, cpuMs: 1000, rssMb: 500 } as const;
/** Only for the app this section starts; never a deployment's. */
const AUTH_SECRET = 'bench-only-auth-secret-never-used-by-a-deployment-0123456789';
const REQUEST_TIMEOUT_MS = 120_000;
const CLOCK_TICKS = clockTicks();

const claimsOf = (user: number) => user - 10_000;

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** The fields after `comm` of `/proc/<pid>/stat` (field 3 onwards), or undefined once the process is gone. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** `pid` and its live descendants, found through the parent ids in `/proc/<pid>/stat`. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(statFields(Number(entry))?.[1]);
    if (!Number.isFinite(parent)) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/**
 * CPU ms of `pid` and its descendants: utime + stime of each live process, plus cutime + cstime (its children
 * that have exited), so a child that ends between two readings is still counted.
 */
function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    const f = statFields(p);
    if (f) ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i] ?? 0), 0);
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

/** VmHWM (peak RSS) in MB of each process of the tree. */
function treePeakRssMb(pid: number): { pid: number; mb: number }[] {
  return processTree(pid).flatMap((p) => {
    try {
      const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      return kb ? [{ pid: p, mb: Number(kb) / 1024 }] : [];
    } catch {
      return [];
    }
  });
}

/** The app's peak RSS: its one process's VmHWM, or the sum when it runs as several (said in `how`). */
function appPeakRss(pid: number): { mb: number; how: string } {
  const peaks = treePeakRssMb(pid);
  const mb = peaks.reduce((sum, p) => sum + p.mb, 0);
  const how =
    peaks.length === 1
      ? 'VmHWM of the next start process, which has no child processes'
      : `sum of VmHWM over the next start process and its ${peaks.length - 1} descendant(s)`;
  return { mb, how };
}

type AppServer = NextApp & { pid: number };

/** `next start` as `npm start` runs it, with refreshes never answered from the cache (every load is fresh). */
async function startApp(port: number, sandboxUrl: string): Promise<AppServer> {
  const env = { NEXTAUTH_SECRET: AUTH_SECRET, DATA_REFRESH_COOLDOWN_SECONDS: '0' };
  const app = await startNextApp(port, sandboxUrl, env);
  return { ...app, pid: app.child.pid ?? 0 };
}

/** Stops the app and anything it started. */
async function stopApp(app: AppServer): Promise<void> {
  const tree = processTree(app.pid).slice(1);
  await stopProcess(app.child);
  for (const pid of tree) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function withLog(error: unknown, app: AppServer): Error {
  const message = error instanceof Error ? error.message : String(error);
  const log = app.log();
  return new Error(log ? `${message}\n--- next start printed:\n${log}` : message);
}

/** One `GET /api/summary?fresh=1`: wall ms (to the whole body) and the app's CPU ms; checks the count. */
async function loadSummary(client: AppClient, app: AppServer, claims: number) {
  const eobsBefore = await client.control.count('eob');
  const cpuBefore = treeCpuMs(app.pid);
  const started = performance.now();
  const response = await client.fetch('/api/summary?fresh=1', {
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await response.text();
  const wallMs = performance.now() - started;
  const cpuMs = treeCpuMs(app.pid) - cpuBefore;
  if (response.status !== 200) {
    throw new Error(`GET /api/summary?fresh=1 answered ${response.status}: ${body.slice(0, 300)}`);
  }
  const count = (JSON.parse(body) as { claims?: { count?: number } }).claims?.count;
  if (count !== claims) throw new Error(`/api/summary counted ${count} claims, expected ${claims}`);
  if ((await client.control.count('eob')) === eobsBefore) {
    throw new Error('/api/summary?fresh=1 answered without reading EOBs from the sandbox (a cached answer)');
  }
  return { wallMs, cpuMs };
}

/** A signed-in browser-like client of `app` for `BBUser<user>`. */
async function signedIn(app: AppServer, control: SandboxControlClient, user: number): Promise<AppClient> {
  const client = new AppClient(app.url, control);
  await client.signIn({ user: `BBUser${user}` });
  return client;
}

interface Row {
  claims: number;
  wallMs: number;
  cpuMs: number;
  rssMb: number;
  sdkMs: number;
  sdkRequests: number;
}

/** One beneficiary: warm-up loads, timed loads, then the SDK once (its sign-in ends the app's tokens). */
async function measureUser(app: AppServer, control: SandboxControlClient, user: number): Promise<Row> {
  const claims = claimsOf(user);
  const client = await signedIn(app, control, user);
  for (let i = 0; i < WARM_UP_RUNS; i++) await loadSummary(client, app, claims);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await loadSummary(client, app, claims));
  const rssMb = appPeakRss(app.pid).mb;
  const { bb, token } = await sdkSignIn(control.baseUrl, control, `BBUser${user}`);
  const sdk = await sdkClaims(bb, token);
  if (new Set(sdk.ids).size !== claims) {
    throw new Error(`BBUser${user}: the SDK read ${new Set(sdk.ids).size} claims, the app ${claims}`);
  }
  return {
    claims,
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssMb,
    sdkMs: sdk.ms,
    sdkRequests: sdk.requests,
  };
}

/** A fresh `next start`, one 9,999-claim load, its peak RSS. */
async function measurePeak(port: number, sandboxUrl: string, control: SandboxControlClient) {
  const app = await startApp(port, sandboxUrl);
  try {
    const client = await signedIn(app, control, PEAK_USER);
    const load = await loadSummary(client, app, claimsOf(PEAK_USER));
    return { ...load, ...appPeakRss(app.pid) };
  } catch (error) {
    throw withLog(error, app);
  } finally {
    await stopApp(app);
  }
}

async function run(): Promise<void> {
  await buildUnlessSkipped('BENCH_SKIP_BUILD');
  const ports = [await freePort(), await freePort()];
  const callbacks = ports.map((port) => `http://localhost:${port}/api/auth/callback/bluebutton`);
  const sandbox = await startSandboxProcess({ latencyMs: LATENCY_MS, redirectUris: callbacks });
  let app: AppServer | undefined;
  try {
    const control = new SandboxControlClient(sandbox.url);
    app = await startApp(ports[0]!, sandbox.url);
    const rows: Row[] = [];
    const tree = processTree(app.pid).length;
    const loadBefore = loadavg()[0] ?? NaN;
    try {
      for (const user of USERS) rows.push(await measureUser(app, control, user));
    } catch (error) {
      throw withLog(error, app);
    }
    await stopApp(app);
    app = undefined;
    const peak = await measurePeak(ports[1]!, sandbox.url, control);

    console.log(
      `sandbox in a child process, ${LATENCY_MS} ms latency per request; the app: next start ` +
        `(${tree === 1 ? 'one process, no children' : `${tree} processes`}), signed in through next-auth and ` +
        `the sandbox's approval. app: GET /api/summary?fresh=1 with the session cookie, to the whole body, ` +
        `median of ${RUNS} runs after ${WARM_UP_RUNS} warm-up runs; CPU: utime+stime of next start and its ` +
        `descendants (/proc, ${CLOCK_TICKS} ticks/s) per load, median; RSS: VmHWM so far. SDK: ` +
        `getExplanationOfBenefitData + getPages (BB2 default page of 10), one run each. The machine: ` +
        `${availableParallelism()} CPUs, load average ${loadBefore.toFixed(1)} at the start, ` +
        `${(loadavg()[0] ?? NaN).toFixed(1)} at the end (wall times grow with it; CPU per load much less)\n`,
    );
    const header = ['claims', 'app ms', 'app CPU ms/load', 'peak RSS MB', 'SDK ms (reqs)', 'ratio'];
    printTable([
      header,
      ...rows.map((r) => [
        String(r.claims),
        r.wallMs.toFixed(0),
        r.cpuMs.toFixed(0),
        r.rssMb.toFixed(0),
        `${r.sdkMs.toFixed(0)} (${r.sdkRequests})`,
        `${(r.sdkMs / r.wallMs).toFixed(1)}x`,
      ]),
    ]);
    console.log(
      `\nfresh next start, BBUser${PEAK_USER}: one load ${peak.wallMs.toFixed(0)} ms, CPU ${peak.cpuMs.toFixed(0)} ms, ` +
        `peak RSS ${peak.mb.toFixed(0)} MB (${peak.how})\n`,
    );

    const ratio = (claims: 500 | 2000) => {
      const row = rows.find((r) => r.claims === claims);
      const x = row ? row.sdkMs / row.wallMs : 0;
      const target = TARGETS.ratio[claims];
      return `bench: app path vs cms-bluebutton-sdk at ${claims} claims = ${x.toFixed(1)}x (target >= ${target}x)${verdict(x >= target)}`;
    };
    const cpu = rows.find((r) => r.claims === 2000)?.cpuMs ?? NaN;
    console.log(ratio(2000));
    console.log(
      `bench: app CPU per fresh 2000-claim load = ${cpu.toFixed(0)} ms (target <= ${TARGETS.cpuMs})${verdict(cpu <= TARGETS.cpuMs)}`,
    );
    console.log(
      `bench: app peak RSS for ${claimsOf(PEAK_USER)} claims from a fresh start = ${peak.mb.toFixed(0)} MB ` +
        `(target <= ${TARGETS.rssMb})${verdict(peak.mb <= TARGETS.rssMb)}`,
    );
    console.log(ratio(500));
  } finally {
    if (app) await stopApp(app);
    await stopProcess(sandbox.child);
  }
}

/** The section `npm run bench` runs. */
export const appBench: BenchSection = { name: 'app', run };
