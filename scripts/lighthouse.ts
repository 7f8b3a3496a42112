/**
 * `npm run lighthouse`: Lighthouse (performance, accessibility, best practices) on the dashboard's pages,
 * signed in, as a mobile and as a desktop browser. It builds the app (`next build`; `LIGHTHOUSE_SKIP_BUILD=1`
 * uses an existing `.next` instead), starts the local sandbox in its own process and `next start` as
 * `npm start` runs it, signs in as `BBUser10500` (`LIGHTHOUSE_USER` for another) through next-auth and the
 * sandbox's approval, then runs Lighthouse in the system Chromium (`CHROME_PATH`, else `which chromium`) with
 * the session cookie as an extra header, `LIGHTHOUSE_RUNS` times (default 3) per page and form factor, each
 * in a fresh Chromium; the median score of each category counts. Targets per page and form factor:
 * performance >= 90, accessibility = 100, best practices >= 95; a miss exits with 1. A page the build does not
 * have yet (404) is reported as not built yet. `LIGHTHOUSE_REPORT_DIR` keeps each run's JSON report there.
 * Never part of `npm test`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import {
  BUDGET_PAGES,
  BUDGET_USER,
  chromiumPath,
  CHROMIUM_FLAGS,
  onInterrupt,
  pageExists,
  startSignedInApp,
  type SignedInApp,
} from './budget-support';
import { buildUnlessSkipped, missedTargets, printTable, verdict } from './bench/support';

const CATEGORIES = [
  { id: 'performance', target: 90, exact: false },
  { id: 'accessibility', target: 100, exact: true },
  { id: 'best-practices', target: 95, exact: false },
] as const;

/** Runs per page and form factor; each category's median counts (performance varies from run to run). */
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS) || 3);
const REPORT_DIR = process.env.LIGHTHOUSE_REPORT_DIR;

/** Lighthouse's default (mobile: Moto G Power, slow 4G, 4x CPU) and its desktop config. */
const FORM_FACTORS: readonly { name: 'mobile' | 'desktop'; config?: Config }[] = [
  { name: 'mobile' },
  { name: 'desktop', config: desktopConfig },
];

/** How many failing audits to name under a category below 100. */
const AUDITS_SHOWN = 5;

interface Run {
  page: string;
  formFactor: string;
  /** The median score 0–100 per category id, or undefined when the page is not built yet. */
  scores?: Record<string, number>;
  /** Each run's performance score. */
  performance?: number[];
  /** The report of the run with the median performance score. */
  lhr?: Result;
}

type FormFactor = (typeof FORM_FACTORS)[number];

/** One Lighthouse run of `page` in a fresh Chromium. */
async function audit(app: SignedInApp, page: string, formFactor: FormFactor, index: number) {
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'silent',
    handleSIGINT: false,
  });
  const forget = onInterrupt(() => chrome.kill());
  try {
    const flags: Flags = {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: CATEGORIES.map((c) => c.id),
      extraHeaders: { Cookie: app.cookie },
    };
    const result = await lighthouse(new URL(page, app.url).href, flags, formFactor.config);
    if (REPORT_DIR && typeof result?.report === 'string') {
      const name = `${page.replace(/^\//, '').replace(/\//g, '-')}-${formFactor.name}-${index + 1}.json`;
      mkdirSync(REPORT_DIR, { recursive: true });
      writeFileSync(path.join(REPORT_DIR, name), result.report);
    }
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no result for ${page} (${formFactor.name})`);
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${page}: ${lhr.runtimeError.message}`);
    const landed = new URL(lhr.finalDisplayedUrl).pathname;
    if (landed !== page) throw new Error(`Lighthouse on ${page} ended at ${landed} (not signed in?)`);
    const scores: Record<string, number> = {};
    for (const category of CATEGORIES) {
      const score = lhr.categories[category.id]?.score;
      if (typeof score !== 'number') throw new Error(`Lighthouse gave ${page} no ${category.id} score`);
      scores[category.id] = Math.round(score * 100);
    }
    return { scores, lhr };
  } finally {
    forget();
    chrome.kill();
  }
}

/** What one item of an audit's details table points at: a console message, an element, a URL. */
function itemText(item: unknown): string | undefined {
  const i = item as {
    description?: string;
    sourceLocation?: { url?: string };
    node?: { snippet?: string; explanation?: string };
    url?: string;
  };
  if (i.description) return `${i.description}${i.sourceLocation?.url ? ` (${i.sourceLocation.url})` : ''}`;
  if (i.node?.snippet) {
    const why = i.node.explanation?.split('\n').slice(1).join('; ').trim();
    return `${i.node.snippet}${why ? `: ${why}` : ''}`;
  }
  return i.url;
}

/** The audits that cost `categoryId` points in `lhr`, worst first, each with up to 3 of its items. */
function failingAudits(lhr: Result, categoryId: string): string[] {
  const refs = lhr.categories[categoryId]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && typeof audit.score === 'number' && audit.score < 1)
    .sort((a, b) => (a.audit?.score ?? 0) - (b.audit?.score ?? 0) || b.ref.weight - a.ref.weight)
    .slice(0, AUDITS_SHOWN)
    .flatMap(({ audit }) => {
      const value = audit?.displayValue ? `: ${audit.displayValue}` : '';
      const details = audit?.details as { type?: string; items?: unknown[] } | undefined;
      const items = details?.type === 'table' ? (details.items ?? []) : [];
      return [
        `${audit?.title} (score ${Math.round((audit?.score ?? 0) * 100)}${value})`,
        ...items.slice(0, 3).flatMap((item) => {
          const text = itemText(item);
          return text ? [`  ${text}`] : [];
        }),
      ];
    });
}

/** `RUNS` runs of `page`: the median score per category, and the median run's report. */
async function measure(app: SignedInApp, page: string, formFactor: FormFactor): Promise<Run> {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await audit(app, page, formFactor, i));
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  const scores: Record<string, number> = {};
  for (const c of CATEGORIES) scores[c.id] = middle(results.map((r) => r.scores[c.id] ?? 0)) ?? 0;
  const performance = results.map((r) => r.scores.performance ?? 0);
  const median = results.find((r) => r.scores.performance === scores.performance) ?? results[0];
  return { page, formFactor: formFactor.name, scores, performance, lhr: median?.lhr };
}

async function main(): Promise<number> {
  await buildUnlessSkipped('LIGHTHOUSE_SKIP_BUILD');
  const app = await startSignedInApp();
  const runs: Run[] = [];
  try {
    const load = (loadavg()[0] ?? NaN).toFixed(1);
    console.log(
      `signed in as ${BUDGET_USER}; Lighthouse ${RUNS}x per page and form factor (median per category) in ` +
        `${chromiumPath()}; load average ${load} at the start (performance drops on a busy machine)\n`,
    );
    for (const page of BUDGET_PAGES) {
      if (!(await pageExists(app, page))) {
        runs.push({ page, formFactor: '-' });
        continue;
      }
      for (const formFactor of FORM_FACTORS) {
        runs.push(await measure(app, page, formFactor));
      }
    }
  } finally {
    await app.stop();
  }

  printTable([
    ['page', 'form factor', 'performance', 'accessibility', 'best practices', 'performance per run'],
    ...runs.map((run) =>
      run.scores
        ? [
            run.page,
            run.formFactor,
            ...CATEGORIES.map((c) => String(run.scores?.[c.id])),
            run.performance?.join(' ') ?? '',
          ]
        : [run.page, 'not built yet (404)', '-', '-', '-', ''],
    ),
  ]);
  console.log(`\nload average ${(loadavg()[0] ?? NaN).toFixed(1)} at the end\n`);
  for (const run of runs) {
    if (!run.scores || !run.lhr) {
      console.log(`lighthouse: ${run.page} not built yet (404): no scores`);
      continue;
    }
    for (const category of CATEGORIES) {
      const n = run.scores[category.id] ?? 0;
      const ok = category.exact ? n === category.target : n >= category.target;
      const target = `${category.exact ? '=' : '>='} ${category.target}`;
      console.log(
        `lighthouse: ${run.page} (${run.formFactor}) ${category.id} = ${n} (target ${target})${verdict(ok)}`,
      );
      if (n < 100) for (const line of failingAudits(run.lhr, category.id)) console.log(`    ${line}`);
    }
  }
  return missedTargets() > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`lighthouse: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      process.exit(1);
    },
  );
}
