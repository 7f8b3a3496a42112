import { expect, type Page } from '@playwright/test';

// What the security specs watch in a real browser: CSP violations, and every page of the app reached by its
// links (docs/reliability.md #15, #45, #46).

/**
 * Collects every Content-Security-Policy violation Chromium reports on the page, from the
 * `securitypolicyviolation` event of each document and from the console, across navigations.
 */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding('reportCspViolation', ({ frame }, text: string) => {
    violations.push(`${frame.url()}: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect|send)/i.test(message.text()))
      violations.push(`console on ${page.url()}: ${message.text()}`);
  });
  return violations;
}

/** A page's path with ids and values replaced, so a crawl visits one claim, one page of results… of each kind. */
function pageKind(url: URL): string {
  const path = url.pathname.replace(/\/(?=[^/]*\d)[^/]+/g, '/:id');
  return `${path}?${[...new Set(url.searchParams.keys())].sort().join('&')}`;
}

/**
 * Visits `start`, then every page of our origin reachable through links (`<a href>`), one per kind of page,
 * up to `limit`: no files (`/api/…`, downloads) and no forms, so nothing is changed or signed out. Returns
 * the paths visited, with their status.
 */
export async function visitEveryPage(
  page: Page,
  origin: string,
  start: string[],
  { limit = 60 }: { limit?: number } = {},
): Promise<string[]> {
  const queue = [...start];
  const seen = new Set<string>();
  const visited: string[] = [];
  while (queue.length && visited.length < limit) {
    const url = new URL(queue.shift()!, origin);
    if (seen.has(pageKind(url))) continue;
    seen.add(pageKind(url));
    const response = await page.goto(url.toString());
    await expect(page.locator('h1').first()).toBeVisible({ timeout: 30_000 });
    visited.push(`${url.pathname}${url.search} ${response?.status()}`);
    const links = await page
      .locator('a[href]:not([download])')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) {
      const next = new URL(link);
      next.hash = '';
      if (next.origin !== origin || next.pathname.startsWith('/api/')) continue;
      if (!seen.has(pageKind(next))) queue.push(next.toString());
    }
  }
  return visited;
}
