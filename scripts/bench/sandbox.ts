/**
 * The sandbox section of `npm run bench`: how long the synthetic data takes to generate the largest
 * beneficiary (BBUser19999, 9,999 claims) from cold, and how long the sandbox takes to serve a 50-EOB
 * page over real HTTP on loopback, with and without gzip.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { clearBeneficiaryCache, getBeneficiary, prepareEobTemplates } from '@/sandbox/data/index';
import { signIn, startSandbox } from '@/sandbox/server.test-support';
import type { BenchSection } from '../bench';
import { median, ms, percentile, printTable, reportTarget } from './support';

/** A fixed data "today", so runs on different weeks measure the same claims. */
const ANCHOR = '2025-06-02';
const USER = 19_999;
const CLAIMS = 9_999;
const GENERATE_RUNS = 7;
const PAGE_SIZE = 50;
const PAGE_REQUESTS = 100;
const GENERATE_TARGET_MS = 1000;
const PAGE_TARGET_MS = 20;

type Row = [string, string, string, string, string, string];
const HEADER: Row = ['measurement', 'runs', 'median ms', 'p95 ms', 'max ms', 'note'];

function row(name: string, samples: readonly number[], note = ''): Row {
  return [
    name,
    String(samples.length),
    ms(median(samples)),
    ms(percentile(samples, 95)),
    ms(Math.max(...samples)),
    note,
  ];
}

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

/** (a) The claim index of BBUser19999, built from scratch each run (the data cache cleared first). */
function benchGenerate(rows: Row[]): number[] {
  const samples: number[] = [];
  for (let run = 0; run < GENERATE_RUNS; run++) {
    clearBeneficiaryCache();
    const [bene, elapsed] = time(() => getBeneficiary(USER, { anchor: ANCHOR }));
    if (bene.eobs.length !== CLAIMS) throw new Error(`BBUser${USER} has ${bene.eobs.length} claims`);
    samples.push(elapsed);
  }
  rows.push(
    row(`generate BBUser${USER} (${CLAIMS} claims), cold`, samples, `first run ${ms(samples[0] ?? NaN)} ms`),
  );
  const [, warm] = time(() => getBeneficiary(USER, { anchor: ANCHOR }));
  rows.push(row('  same, from the data cache', [warm]));

  clearBeneficiaryCache();
  const [, templates] = time(() => prepareEobTemplates());
  rows.push(row('EOB templates, 8 types x 2 versions', [templates]));
  const bene = getBeneficiary(USER, { anchor: ANCHOR });
  for (const version of [2, 1] as const) {
    const render: number[] = [];
    let chars = 0;
    for (let page = 0; page < 40; page++) {
      const from = version * 2500 + page * PAGE_SIZE;
      const [, elapsed] = time(() => {
        for (const entry of bene.eobs.slice(from, from + PAGE_SIZE))
          chars += bene.eobJson(entry.id, version)?.length ?? 0;
      });
      render.push(elapsed);
    }
    rows.push(
      row(`render 50 uncached v${version} EOBs, in-process`, render, `${Math.round(chars / 2000)} chars/EOB`),
    );
  }
  clearBeneficiaryCache();
  return samples;
}

interface Fetched {
  status: number;
  encoding: string | undefined;
  body: Buffer;
  elapsed: number;
}

/** One GET over a keep-alive agent; `elapsed` runs until the last byte (no decompression). */
function get(agent: http.Agent, url: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'],
          body: Buffer.concat(chunks),
          elapsed: performance.now() - start,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function entriesOf(fetched: Fetched): number {
  const text = (fetched.encoding === 'gzip' ? gunzipSync(fetched.body) : fetched.body).toString('utf8');
  return ((JSON.parse(text) as { entry?: unknown[] }).entry ?? []).length;
}

/** (b) 50-EOB pages of BBUser19999 served over HTTP on loopback, each page a different `startIndex`. */
async function benchPages(rows: Row[]): Promise<number[]> {
  const sandbox = await startSandbox({ dataAnchor: ANCHOR });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const tokens = await signIn(sandbox.url, sandbox.control, { username: `BBUser${USER}` });
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    const pageUrl = (page: number) =>
      `${sandbox.url}/v2/fhir/ExplanationOfBenefit?_count=${PAGE_SIZE}&startIndex=${page * PAGE_SIZE}`;
    // Builds the beneficiary (measured above) and opens the connection, without rendering any EOB.
    const warm = await get(agent, `${sandbox.url}/v2/fhir/Coverage`, auth);
    if (warm.status !== 200) throw new Error(`Coverage answered ${warm.status}`);

    const medians: number[] = [];
    const runs = [
      { name: 'no gzip', headers: { ...auth, 'accept-encoding': 'identity' }, parity: 0 },
      { name: 'gzip', headers: { ...auth, 'accept-encoding': 'gzip' }, parity: 1 },
    ];
    for (const run of runs) {
      // Even pages for one run and odd pages for the other: every request renders 50 EOBs not seen before.
      const pages = Array.from({ length: PAGE_REQUESTS }, (_, i) => 2 * i + run.parity);
      const samples: number[] = [];
      let bytes = 0;
      for (const page of pages) {
        const fetched = await get(agent, pageUrl(page), run.headers);
        if (fetched.status !== 200) throw new Error(`page ${page} answered ${fetched.status}`);
        if ((fetched.encoding === 'gzip') !== (run.parity === 1)) throw new Error('unexpected encoding');
        samples.push(fetched.elapsed);
        bytes += fetched.body.length;
      }
      const sample = await get(agent, pageUrl(pages[3] ?? 0), run.headers);
      if (entriesOf(sample) !== PAGE_SIZE) throw new Error('a page did not hold 50 EOBs');
      rows.push(
        row(
          `HTTP 50-EOB page, ${run.name}`,
          samples,
          `${Math.round(bytes / samples.length / 1024)} KiB/page`,
        ),
      );
      medians.push(median(samples));

      // The sandbox keeps the last few megabytes of rendered EOBs: one page asked for again and again.
      const cached: number[] = [];
      for (let i = 0; i < 20; i++)
        cached.push((await get(agent, pageUrl(pages[3] ?? 0), run.headers)).elapsed);
      rows.push(row('  one page again and again (EOBs already rendered)', cached));
    }
    return medians;
  } finally {
    agent.destroy();
    await sandbox.close();
  }
}

/** The section `npm run bench` runs. */
export const sandboxBench: BenchSection = {
  name: 'sandbox',
  async run() {
    const rows: Row[] = [HEADER];
    const generate = benchGenerate(rows);
    const pageMedians = await benchPages(rows);
    printTable(rows);
    console.log('');
    reportTarget(`sandbox generate ${CLAIMS} claims`, Math.max(...generate), GENERATE_TARGET_MS);
    reportTarget(`sandbox ${PAGE_SIZE}-EOB page`, Math.max(...pageMedians), PAGE_TARGET_MS, ' median');
  },
};
