/**
 * `npm run size [-- --browser]`: the first-load JavaScript of the dashboard's pages, gzipped, from the
 * production build (`next build` first, unless `SIZE_SKIP_BUILD=1` and `.next` holds a build).
 *
 * A route's first-load JS is every JS file its HTML makes a browser load, read from the build's manifests as
 * `next start` reads them to write that HTML: the root main files of `.next/build-manifest.json` (React, Next's
 * client, the Turbopack runtime: shared by every route) and the entry JS files of the route's segment files
 * (layouts, templates, loading and error files, the page, global-error) in
 * `.next/server/app/<route>/page_client-reference-manifest.js`. Not counted: not-found, forbidden and
 * unauthorized files (Next writes no script tags for them: their JS loads when one is shown) and the polyfill
 * file (`noModule`: browsers that run modules never load it). Each file is gzipped at level 9 and the sizes added up (kB = 1000
 * bytes, as `next build` printed it). Target: at most 200 kB per route; a miss exits with 1.
 *
 * `--browser` also opens each route signed in, in the system Chromium, and adds up the JS it transferred
 * (`next start` gzips at zlib's default level) to compare.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import {
  BUDGET_PAGES,
  chromiumPath,
  CHROMIUM_FLAGS,
  NEXT_DIR,
  pageExists,
  startSignedInApp,
  type SignedInApp,
} from './budget-support';
import { buildUnlessSkipped, missedTargets, printTable, verdict } from './bench/support';

const TARGET_KB = 200;
/** Segment files whose JS a first load does not fetch (create-component-tree.js renders only their styles). */
const SHOWN_ON_DEMAND = /\/(not-found|forbidden|unauthorized|global-not-found)$/;
const TOP = 10;

interface Chunk {
  /** Relative to `.next`, e.g. `static/chunks/0abc.js`. */
  file: string;
  raw: number;
  gzip: number;
  /** Where the route gets it from: `root main` or the segment's file (`app/layout`, `app/dashboard/page`). */
  from: string;
}

interface RouteSize {
  route: string;
  chunks: Chunk[];
  gzip: number;
  raw: number;
  /** JS of the not-found, forbidden and unauthorized files only (not counted), gzipped. */
  onDemand: { files: string[]; gzip: number };
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(NEXT_DIR, file), 'utf8')) as T;
}

/** The app path (`/dashboard/page`) that serves exactly `route`, or undefined when the build has none. */
function appPathOf(route: string): string | undefined {
  const routes = readJson<Record<string, string>>('app-path-routes-manifest.json');
  return Object.keys(routes).find((appPath) => routes[appPath] === route && appPath.endsWith('/page'));
}

/** The client reference manifest of `appPath`'s page: its `entryJSFiles` per segment file. */
function entryJsFiles(appPath: string): Record<string, string[]> {
  const file = path.join(NEXT_DIR, 'server', 'app', `${appPath}_client-reference-manifest.js`);
  const context: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  runInNewContext(readFileSync(file, 'utf8'), context, { filename: file });
  const manifest = context.__RSC_MANIFEST?.[appPath];
  if (!manifest?.entryJSFiles) throw new Error(`${file} has no entryJSFiles for ${appPath}`);
  return manifest.entryJSFiles;
}

/** The route's first-load JS files and their sizes, or undefined when the build has no such page. */
export function routeSize(route: string): RouteSize | undefined {
  const appPath = appPathOf(route);
  if (!appPath) return undefined;
  const from = new Map<string, string>();
  const onDemand = new Set<string>();
  const buildManifest = readJson<{ rootMainFiles?: string[] }>('build-manifest.json');
  for (const file of buildManifest.rootMainFiles ?? []) from.set(file, 'root main');
  for (const [entry, files] of Object.entries(entryJsFiles(appPath))) {
    const segment = entry
      .replace(/^\[project\]\//, '')
      .replace(/^node_modules\/next\/dist\/client\/components\//, 'next/');
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      if (SHOWN_ON_DEMAND.test(segment)) onDemand.add(file);
      else if (!from.has(file)) from.set(file, segment);
    }
  }
  const gzipped = (file: string) => gzipSync(readFileSync(path.join(NEXT_DIR, file)), { level: 9 }).length;
  const chunks = [...from].map(([file, source]) => {
    const bytes = readFileSync(path.join(NEXT_DIR, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, from: source };
  });
  chunks.sort((a, b) => b.gzip - a.gzip);
  const sum = (key: 'raw' | 'gzip') => chunks.reduce((total, c) => total + c[key], 0);
  const onDemandOnly = [...onDemand].filter((file) => !from.has(file));
  return {
    route,
    chunks,
    gzip: sum('gzip'),
    raw: sum('raw'),
    onDemand: { files: onDemandOnly, gzip: onDemandOnly.reduce((total, f) => total + gzipped(f), 0) },
  };
}

/** JS files (`/_next/…`) a signed-in Chromium transferred for `route`: by the load event, and after it. */
async function browserJs(app: SignedInApp, route: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext();
    await context.addCookies([...app.client.cookies].map(([name, value]) => ({ name, value, url: app.url })));
    const page = await context.newPage();
    const response = await page.goto(new URL(route, app.url).href, { waitUntil: 'load' });
    if (response?.status() !== 200 || new URL(page.url()).pathname !== route) {
      throw new Error(`Chromium: ${route} answered ${response?.status()} at ${page.url()}`);
    }
    await page.waitForLoadState('networkidle');
    const entries = await page.evaluate(() => {
      const loadEnd = performance.getEntriesByType('navigation')[0]?.toJSON().loadEventEnd as number;
      return performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        return { url: r.name, encoded: r.encodedBodySize, afterLoad: r.startTime > loadEnd };
      });
    });
    const js = entries
      .filter((e) => new URL(e.url).pathname.endsWith('.js'))
      .map((e) => ({ ...e, file: new URL(e.url).pathname.replace(/^\/_next\//, '') }));
    return { firstLoad: js.filter((e) => !e.afterLoad), afterLoad: js.filter((e) => e.afterLoad) };
  } finally {
    await browser.close();
  }
}

async function compareInBrowser(sizes: RouteSize[]): Promise<void> {
  if (sizes.length === 0) return;
  console.log(
    `\nIn Chromium, signed in (${chromiumPath()}): JS transferred (encodedBodySize, gzip by next start)`,
  );
  const app = await startSignedInApp();
  try {
    for (const size of sizes) {
      if (!(await pageExists(app, size.route))) continue;
      const seen = await browserJs(app, size.route);
      const counted = new Set(size.chunks.map((c) => c.file));
      const loaded = new Set(seen.firstLoad.map((e) => e.file));
      const transferred = seen.firstLoad.reduce((total, e) => total + e.encoded, 0);
      const diff = ((transferred - size.gzip) / size.gzip) * 100;
      console.log(
        `${size.route}: ${kB(transferred)} kB in ${loaded.size} files by the load event; ` +
          `from the manifests ${kB(size.gzip)} kB in ${counted.size} files at gzip -9 ` +
          `(${diff >= 0 ? '+' : ''}${diff.toFixed(1)}%)`,
      );
      const missing = [...loaded].filter((f) => !counted.has(f));
      const extra = [...counted].filter((f) => !loaded.has(f));
      if (missing.length) console.log(`  loaded but not counted: ${missing.join(', ')}`);
      if (extra.length) console.log(`  counted but not loaded: ${extra.join(', ')}`);
      if (seen.afterLoad.length) {
        const later = seen.afterLoad.reduce((total, e) => total + e.encoded, 0);
        console.log(
          `  after the load event (prefetches, not first load): ${kB(later)} kB in ` +
            `${seen.afterLoad.map((e) => e.file).join(', ')}`,
        );
      }
    }
  } finally {
    await app.stop();
  }
}

async function main(args: string[]): Promise<number> {
  await buildUnlessSkipped('SIZE_SKIP_BUILD');
  const sizes: RouteSize[] = [];
  const lines: string[] = [];
  for (const route of BUDGET_PAGES) {
    const size = routeSize(route);
    if (!size) {
      console.log(`\n${route}: not built yet (no page for it in the build)`);
      lines.push(`size: ${route} first-load JS: not built yet`);
      continue;
    }
    sizes.push(size);
    console.log(
      `\n${route}: ${kB(size.gzip)} kB gzipped (${kB(size.raw)} kB raw) in ${size.chunks.length} JS files` +
        (size.chunks.length > TOP ? `; the ${TOP} largest:` : ':'),
    );
    printTable([
      ['chunk', 'gzip kB', 'raw kB', 'from'],
      ...size.chunks.slice(0, TOP).map((c) => [c.file, kB(c.gzip), kB(c.raw), c.from]),
    ]);
    if (size.onDemand.files.length) {
      console.log(
        `not counted: ${kB(size.onDemand.gzip)} kB gzipped of not-found/forbidden/unauthorized JS, loaded ` +
          `when one is shown (${size.onDemand.files.join(', ')})`,
      );
    }
    const kb = size.gzip / 1000;
    lines.push(
      `size: ${route} first-load JS = ${kb.toFixed(1)} KB gzipped (target <= ${TARGET_KB})${verdict(kb <= TARGET_KB)}`,
    );
  }
  console.log('');
  for (const line of lines) console.log(line);
  if (args.includes('--browser')) await compareInBrowser(sizes);
  return missedTargets() > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`size: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      process.exit(1);
    },
  );
}
