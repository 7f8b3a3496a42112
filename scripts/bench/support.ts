/**
 * What the sections of `npm run bench` share: statistics and the table, the target lines (a missed target is
 * counted here and fails the run), a sandbox in its own process, and CMS's Node SDK (`cms-bluebutton-sdk`)
 * signing in and collecting EOBs as its README and CMS's sample apps call it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BlueButton, Environments, type AuthorizationToken } from 'cms-bluebutton-sdk';
import { DEFAULT_APP, type SandboxControlClient } from '@/sandbox/server.test-support';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let missed = 0;

/** How many targets were missed so far in this process. */
export function missedTargets(): number {
  return missed;
}

/** `''` when `ok`, else `'  <-- MISSED TARGET'`, and the miss is counted so that the run exits with 1. */
export function verdict(ok: boolean): string {
  if (!ok) missed += 1;
  return ok ? '' : '  <-- MISSED TARGET';
}

/** Prints `bench: <label> = <value> ms[ suffix] (target < <target>)`, marking a missed target. */
export function reportTarget(label: string, value: number, target: number, suffix = ''): void {
  console.log(`bench: ${label} = ${ms(value)} ms${suffix} (target < ${target})${verdict(value < target)}`);
}

/** The median of `samples` (ms). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** The nearest-rank percentile `p` (0–100) of `samples`. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Milliseconds with one decimal. */
export function ms(value: number): string {
  return value.toFixed(1);
}

/** A number, a ratio (`12.3x`) or a number with a count in brackets (`2104 (200)`): right-aligned. */
const NUMERIC = /^[\d.,]+(x| \([\d.,]+\))?$/;

/** Prints rows as an aligned table; the first row is the header, numeric cells are right-aligned. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (NUMERIC.test(cell) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(line(rows[0] ?? []));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(address && typeof address === 'object' ? address.port : 0));
    });
  });
}

/**
 * `node --import tsx sandbox/main.ts` (mode `test`) on a free port of `127.0.0.1`, with `latencyMs` per
 * request and `redirectUris` added to the default app's; resolves once it listens.
 */
export async function startSandboxProcess(
  options: { latencyMs: number; redirectUris?: readonly string[] } = { latencyMs: 0 },
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const env: Record<string, string> = {
    SANDBOX_PORT: String(port),
    SANDBOX_HOST: '127.0.0.1',
    SANDBOX_MODE: 'test',
    SANDBOX_LATENCY_MS: String(options.latencyMs),
    NODE_NO_WARNINGS: '1',
  };
  if (options.redirectUris?.length) env.SANDBOX_REDIRECT_URIS = options.redirectUris.join(',');
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('listening on') && resolve());
      child.once('exit', (code) => reject(new Error(`the sandbox process exited with ${code}`)));
    });
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, child };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
export function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Signs in through the SDK's own OAuth flow (PKCE, authorize URL, token exchange), as the sandbox's default
 * app (the app's `LOCAL_APP`).
 */
export async function sdkSignIn(url: string, control: SandboxControlClient, username: string) {
  const bb = new BlueButton({
    clientId: DEFAULT_APP.clientId,
    clientSecret: DEFAULT_APP.clientSecret,
    callbackUrl: DEFAULT_APP.redirectUris[0] ?? '',
    environment: Environments.LOCAL,
    version: '2',
  });
  bb.baseUrl = url;
  const authData = bb.generateAuthData();
  const approved = await control.approve(bb.generateAuthorizeUrl(authData), { username });
  if (!approved.code || !approved.state) throw new Error(`SDK sign-in failed: ${approved.status}`);
  return { bb, token: await bb.getAuthorizationToken(authData, approved.code, approved.state) };
}

/**
 * The SDK's `getExplanationOfBenefitData` + `getPages` over the EOB search (BB2's default page of 10 unless
 * `count`); returns the claim ids, requests and elapsed ms.
 */
export async function sdkClaims(bb: BlueButton, token: AuthorizationToken, count?: number) {
  const started = performance.now();
  const first = await bb.getExplanationOfBenefitData(token, count ? { params: { _count: count } } : {});
  const { pages } = await bb.getPages(first.response?.data, first.token);
  const ms = performance.now() - started;
  const ids = (pages as { entry?: { resource: { id: string } }[] }[]).flatMap((p) =>
    (p.entry ?? []).map((e) => e.resource.id),
  );
  return { ms, ids, requests: pages.length };
}

/** `next build`, unless `<skipVariable>=1` and `.next` holds a production build; prints what it did. */
export async function buildUnlessSkipped(skipVariable: string): Promise<void> {
  if (process.env[skipVariable] === '1' && existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.log(`next build skipped (${skipVariable}=1): using the existing .next`);
    return;
  }
  const started = performance.now();
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    console.error(output.split('\n').slice(-40).join('\n'));
    throw new Error(`next build exited with ${code}`);
  }
  console.log(`next build: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** A `next start` server started by {@link startNextApp}. */
export interface NextApp {
  url: string;
  child: ChildProcess;
  /** The last lines the server printed, for errors. */
  log(): string;
}

/**
 * `next start` on `port` as `npm start` runs it, pointed at the local sandbox at `sandboxUrl` (plus `env`);
 * resolves once it answers. A server that exits or does not answer within 60 s is stopped, and the error
 * carries what it printed.
 */
export async function startNextApp(
  port: number,
  sandboxUrl: string,
  env: Record<string, string>,
): Promise<NextApp> {
  const url = `http://localhost:${port}`;
  const args = ['--max-semi-space-size=32', 'node_modules/next/dist/bin/next', 'start', '-p', String(port)];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      BB_ENVIRONMENT: 'LOCAL',
      BB_BASE_URL: sandboxUrl,
      NEXTAUTH_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lines: string[] = [];
  const keep = (chunk: Buffer) =>
    (lines = lines
      .concat(
        chunk
          .toString()
          .split('\n')
          .filter((l) => l.trim()),
      )
      .slice(-60));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const app = { url, child, log: () => lines.join('\n').trim() };
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
      if (i === 300) throw new Error('next start did not answer within 60 s');
      try {
        await fetch(url, { signal: AbortSignal.timeout(5000) });
        return app;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } catch (error) {
    await stopProcess(child);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- next start printed:\n${app.log()}`);
  }
}
