/**
 * Measures normalizing and summarizing many EOBs, for `npm run bench` (the issue's target: 10,000 EOBs in under
 * 1 s of CPU and 400 MB of memory). EOBs are the real v2 samples with fresh ids and dates, served as search
 * pages of serialized JSON the way the data layer receives them: each page is parsed, normalized and dropped.
 * Timings are measured, never asserted. See docs/money.md.
 */
import { readFile } from 'node:fs/promises';
import { createNormalizer } from './normalize';
import { summarize } from './summarize';

/** What one benchmark run measured. CPU times are user + system time of the whole process. */
export interface NormalizeBenchmark {
  eobs: number;
  pages: number;
  claims: number;
  /** CPU spent in `JSON.parse` of the pages (what `fetch().json()` costs the data layer). */
  parseCpuMs: number;
  /** CPU spent normalizing and summarizing: the issue's target. */
  normalizeCpuMs: number;
  /** Wall-clock time of parsing, normalizing and summarizing. */
  wallMs: number;
  /** The process's peak resident set size so far (includes everything else the process holds). */
  peakRssMb: number;
  /** Heap in use at the end, with every normalized claim still held. */
  heapUsedMb: number;
}

const SAMPLE = new URL('../../fixtures/bluebutton/bfd-v2-eob-search-bundle-all-types.json', import.meta.url);

async function templates(): Promise<string[]> {
  const bundle = JSON.parse(await readFile(SAMPLE, 'utf8')) as {
    entry: { resource: Record<string, unknown> }[];
  };
  return bundle.entry.map(({ resource }) =>
    JSON.stringify({ ...resource, id: '@ID@', billablePeriod: { start: '@DAY@', end: '@DAY@' } }),
  );
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Normalizes and summarizes `eobs` EOBs arriving in pages of `pageSize`, and reports time and memory. */
export async function benchmarkNormalize(eobs = 10_000, pageSize = 50): Promise<NormalizeBenchmark> {
  const sources = await templates();
  const normalizer = createNormalizer({ version: 'v2' });
  let parseCpu = 0;
  let normalizeCpu = 0;
  let pages = 0;
  const started = performance.now();
  for (let first = 0; first < eobs; first += pageSize) {
    const entries: string[] = [];
    for (let n = first; n < Math.min(first + pageSize, eobs); n += 1) {
      const day = `${2021 + (n % 4)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
      const source = sources[n % sources.length] ?? '{}';
      entries.push(`{"resource":${source.replace('@ID@', `bench-${n}`).replaceAll('@DAY@', day)}}`);
    }
    const body = `{"resourceType":"Bundle","type":"searchset","entry":[${entries.join(',')}]}`;
    const parseStart = process.cpuUsage();
    const page: unknown = JSON.parse(body);
    parseCpu += cpuMs(parseStart);
    const normalizeStart = process.cpuUsage();
    normalizer.addBundle(page);
    normalizeCpu += cpuMs(normalizeStart);
    pages += 1;
  }
  const summaryStart = process.cpuUsage();
  const data = normalizer.result();
  summarize(data);
  normalizeCpu += cpuMs(summaryStart);
  const wallMs = performance.now() - started;
  return {
    eobs,
    pages,
    claims: data.claims.length,
    parseCpuMs: Math.round(parseCpu),
    normalizeCpuMs: Math.round(normalizeCpu),
    wallMs: Math.round(wallMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
  };
}
