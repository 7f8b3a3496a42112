/**
 * The data-layer section of `npm run bench` (also runnable alone: `npx tsx scripts/bench/data-layer.ts`).
 * A sandbox runs as a separate process with 100 ms latency per request; for beneficiaries with 50, 500 and
 * 2,000 claims it times fetch + normalize + summarize through lib/bluebutton and, in the same run, CMS's
 * Node SDK (`cms-bluebutton-sdk`) collecting the same EOBs with `getPages`, called as its README and CMS's
 * sample apps call it (BB2's default page of 10), and once more with `_count=50`. Then normalize + summarize
 * of 10,000 EOBs (lib/claims/benchmark-normalize.test-support.ts). Timings are measured, never asserted in tests.
 */
import { spawn } from 'node:child_process';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { NormalizeBenchmark } from '@/lib/claims/benchmark-normalize.test-support';
import { summarize } from '@/lib/claims/summarize';
import { SandboxControlClient, signIn } from '@/sandbox/server.test-support';
import type { BenchSection } from '../bench';
import {
  median,
  missedTargets,
  printTable,
  ROOT,
  sdkClaims,
  sdkSignIn,
  startSandboxProcess,
  stopProcess,
  verdict,
} from './support';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const USERS = [10_050, 10_500, 12_000] as const;
const OUR_RUNS = 7;
/** Runs before timing: a server that has answered a few requests, as a deployed one has (JIT warm). */
const WARM_UP_RUNS = 3;
const TARGETS: Record<number, number> = { 500: 15, 2000: 25 };
const NORMALIZE = { eobs: 10_000, cpuMs: 1000, memoryMb: 400 };

/**
 * The data layer is `server-only` and this script is a server process: resolve `server-only` under the
 * `react-server` condition, as Next.js does for server code (https://nodejs.org/api/module.html#customization-hooks).
 */
let serverOnlyAllowed = false;
function allowServerOnly(): void {
  if (serverOnlyAllowed) return;
  serverOnlyAllowed = true;
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier !== 'server-only') return next(specifier, context);
    return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url);
}

/** One row of the comparison: one beneficiary, our data layer (median of runs) against the SDK. */
async function compareUser(url: string, control: SandboxControlClient, user: number) {
  const { createBlueButtonClient } = await import('@/lib/bluebutton/client');
  const { sandboxTokenSource, testClientConfig } = await import('@/lib/bluebutton/client.test-support');
  const username = `BBUser${user}`;
  const tokens = sandboxTokenSource(url, await signIn(url, control, { username }));
  const client = createBlueButtonClient({ config: testClientConfig(url), tokens });
  const ours = async () => {
    const started = performance.now();
    const { data, stats } = await client.getClaims();
    summarize(data);
    return { ms: performance.now() - started, data, stats };
  };
  // Warms both processes; the sandbox renders the EOBs either client reads.
  for (let i = 0; i < WARM_UP_RUNS; i++) await ours();
  const runs = [];
  for (let i = 0; i < OUR_RUNS; i++) runs.push(await ours());
  const { data, stats } = runs[runs.length - 1]!;
  const oursMs = median(runs.map((r) => r.ms));
  const { bb, token } = await sdkSignIn(url, control, username);
  const sdk = await sdkClaims(bb, token);
  const sdk50 = await sdkClaims(bb, token, 50);
  const ids = data.claims
    .map((c) => c.id)
    .sort()
    .join();
  if (sdk.ids.sort().join() !== ids || sdk50.ids.sort().join() !== ids) {
    throw new Error(`${username}: the SDK and the data layer read different claims`);
  }
  const ratio = sdk.ms / oursMs;
  const row = [data.claims.length, stats.requests, stats.roundTrips, oursMs.toFixed(0)]
    .concat([
      `${sdk.ms.toFixed(0)} (${sdk.requests})`,
      `${ratio.toFixed(1)}x`,
      `${sdk50.ms.toFixed(0)} (${sdk50.requests})`,
    ])
    .concat([`${(sdk50.ms / oursMs).toFixed(1)}x`]);
  return { claims: data.claims.length, ratio, row: row.map(String) };
}

/** The comparison table and its targets; returns the speedup at 500 claims. */
async function compareWithSdk(): Promise<number> {
  const { url, child } = await startSandboxProcess({ latencyMs: LATENCY_MS });
  try {
    const control = new SandboxControlClient(url);
    const header = ['claims', 'requests', 'round trips', 'ours ms', 'SDK ms (reqs)', 'ratio'];
    const rows = [header.concat(['SDK _count=50 ms (reqs)', 'ratio'])];
    const ratios = new Map<number, number>();
    for (const user of USERS) {
      const { claims, ratio, row } = await compareUser(url, control, user);
      ratios.set(claims, ratio);
      rows.push(row);
    }
    console.log(
      `sandbox in a child process, ${LATENCY_MS} ms latency per request. ours: fetch + normalize + summarize, ` +
        `median of ${OUR_RUNS} runs after ${WARM_UP_RUNS} warm-up runs; SDK: getExplanationOfBenefitData + getPages, one run each, as CMS's samples ` +
        'call it (BB2 default page of 10) and with _count=50\n',
    );
    printTable(rows);
    console.log('');
    for (const [claims, target] of Object.entries(TARGETS)) {
      const ratio = ratios.get(Number(claims)) ?? 0;
      const label = `bench: data layer vs cms-bluebutton-sdk at ${claims} claims = ${ratio.toFixed(1)}x`;
      console.log(`${label} (target >= ${target}x)${verdict(ratio >= target)}`);
    }
    return ratios.get(500) ?? 0;
  } finally {
    await stopProcess(child);
  }
}

/** Normalize + summarize of 10,000 EOBs in a fresh process, so its peak memory is its own. */
async function normalizeTenThousand(): Promise<void> {
  const script = `const m = await import('./lib/claims/benchmark-normalize.test-support.ts');
    console.log(JSON.stringify(await m.benchmarkNormalize(${NORMALIZE.eobs})));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the normalize benchmark exited with ${code}`);
  const r = JSON.parse(out) as NormalizeBenchmark;
  console.log(
    `normalize + summarize ${r.claims} EOBs in ${r.pages} pages of 50: CPU ${r.normalizeCpuMs} ms ` +
      `(JSON.parse of the pages another ${r.parseCpuMs} ms), wall ${r.wallMs} ms, ` +
      `heap in use at the end ${r.heapUsedMb} MB, peak RSS ${r.peakRssMb} MB`,
  );
  const cpuOk = r.normalizeCpuMs < NORMALIZE.cpuMs;
  const memoryOk = r.peakRssMb < NORMALIZE.memoryMb;
  const line = `bench: normalize+summarize ${NORMALIZE.eobs} EOBs`;
  console.log(`${line} CPU = ${r.normalizeCpuMs} ms (target < ${NORMALIZE.cpuMs})${verdict(cpuOk)}`);
  console.log(`${line} peak RSS = ${r.peakRssMb} MB (target < ${NORMALIZE.memoryMb})${verdict(memoryOk)}\n`);
}

/** The section `npm run bench` runs. */
export const dataLayerBench: BenchSection = {
  name: 'data-layer',
  async run() {
    allowServerOnly();
    await normalizeTenThousand();
    const speedup = await compareWithSdk();
    console.log(`bench: speedup vs cms-bluebutton-sdk at 500 claims = ${speedup.toFixed(1)}x`);
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  dataLayerBench.run().then(
    () => process.exit(missedTargets() > 0 ? 1 : 0),
    (err: unknown) => {
      console.error(`bench: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      process.exit(1);
    },
  );
}
