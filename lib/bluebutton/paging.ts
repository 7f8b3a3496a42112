import 'server-only';
import { allOrAbort, throwIfAborted } from './abort';
import { peekTotal, readBundlePage, type BundlePage } from './bundle-page';
import { AppError } from '@/lib/errors';
import { assertOnOrigin, type FhirHttp } from './http';
import type { Limiter } from './limiter';
import type { StatsRecorder } from './request-stats';

/**
 * Planned paging, not crawling (so round trips stay few): the first page of every search at once, `total`
 * read from it, then every remaining page by `startIndex` concurrently within the limiter. `next` links
 * are followed only when a page has no `total`, only on the configured origin, and never twice. The page
 * count is capped across the whole pager. Paging parameters are BB2's (`_count` ≤ 50, `startIndex`;
 * docs/blue-button.md §8, §9; https://bluebutton.cms.gov/api-documentation/).
 */

/** BB2's largest page size (`MAX_PAGE_SIZE`). */
export const PAGE_SIZE = 50;

/** One search: a resource type and its filters (e.g. `{ type: 'carrier' }`). */
export interface SearchSpec {
  resource: 'ExplanationOfBenefit' | 'Coverage' | 'Patient';
  params?: Readonly<Record<string, string>>;
}

/** Options of {@link createPager}. */
export interface PagerOptions {
  http: FhirHttp;
  /** `…/vN/fhir/` from the endpoint map. */
  fhirBase: string;
  limit: Limiter;
  maxPages: number;
  stats: StatsRecorder;
  pageSize?: number;
}

/** Reads every page of searches; pages are handed over as they arrive and not kept. */
export interface Pager {
  /** Fetches every page of every search; `onPage` receives each Bundle. The first failure aborts the rest. */
  searchAll(
    searches: readonly SearchSpec[],
    onPage: (bundle: unknown) => void,
    signal?: AbortSignal,
  ): Promise<void>;
}

/** The URL of one page of a search. */
export function searchUrl(fhirBase: string, search: SearchSpec, count: number, startIndex: number): string {
  const query = new URLSearchParams({ ...search.params, _count: String(count) });
  if (startIndex > 0) query.set('startIndex', String(startIndex));
  return `${fhirBase}${search.resource}/?${query}`;
}

/** `url` in canonical form, or undefined when it is not an absolute URL. */
function canonical(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

/** Resolves after pending I/O callbacks, so requests already started go out before CPU-heavy work. */
const afterPendingIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A pager with one page budget (`maxPages`) for everything it fetches. Paging as BFD behind BB2 does it:
 * https://hl7.org/fhir/R4/http.html#paging and docs/blue-button.md §9.
 */
export function createPager(options: PagerOptions): Pager {
  const { http, fhirBase, limit, maxPages, stats } = options;
  const pageSize = options.pageSize ?? PAGE_SIZE;
  let reserved = 0;

  function reserve(pages: number) {
    if (reserved + pages > maxPages) {
      const detail = { fault: 'too_many_pages', maxPages, neededPages: reserved + pages } as const;
      throw new AppError('too_much_data', { detail });
    }
    reserved += pages;
  }

  async function searchAll(
    searches: readonly SearchSpec[],
    onPage: (bundle: unknown) => void,
    signal?: AbortSignal,
  ) {
    /** Reads one page; `consume()` hands it to `onPage`, so the caller can plan more requests first. */
    async function read(
      url: string,
      scope: AbortSignal,
      onPrefix?: (prefix: string) => void,
    ): Promise<BundlePage & { consume(): void }> {
      const bundle = readBundlePage(await limit(() => http.getJson(url, scope, stats, onPrefix), scope));
      throwIfAborted(scope);
      stats.page();
      return { ...bundle, consume: () => onPage(bundle.raw) };
    }

    async function page(url: string, scope: AbortSignal): Promise<BundlePage> {
      const bundle = await read(url, scope);
      bundle.consume();
      return bundle;
    }

    async function followNext(first: BundlePage, firstUrl: string, scope: AbortSignal) {
      const visited = new Set([canonical(firstUrl)]);
      let bundle = first;
      while (bundle.next !== undefined) {
        if (bundle.self !== undefined) visited.add(canonical(bundle.self));
        const next = canonical(bundle.next);
        if (next === undefined)
          throw new AppError('medicare_unreadable', { detail: { fault: 'off_origin_link' } });
        if (visited.has(next)) return;
        assertOnOrigin(next, http.origin);
        reserve(1);
        visited.add(next);
        bundle = await page(next, scope);
      }
    }

    async function run(search: SearchSpec, scope: AbortSignal) {
      reserve(1);
      const firstUrl = searchUrl(fhirBase, search, pageSize, 0);
      const requested = new Set<number>();
      const rest: Promise<unknown>[] = [];
      /** Requests every page of `total` not asked for yet; `fits` skips instead of throwing when over the cap. */
      const requestPages = (total: number, step: number, fits = false) => {
        const starts: number[] = [];
        for (let start = step; start < total; start += step) if (!requested.has(start)) starts.push(start);
        if (fits && reserved + starts.length > maxPages) return;
        reserve(starts.length);
        for (const start of starts) {
          requested.add(start);
          const pending = page(searchUrl(fhirBase, search, step, start), scope);
          pending.catch(() => {}); // awaited below; the first failure aborts the scope
          rest.push(pending);
        }
      };
      // The remaining pages go out as soon as the first page's `total` has arrived, while the rest of it is
      // still arriving and being parsed.
      let peeked = false;
      const first = await read(firstUrl, scope, (prefix) => {
        const total = peeked || scope.aborted ? undefined : peekTotal(prefix);
        if (total === undefined) return;
        peeked = true;
        requestPages(total, pageSize, true);
      });
      if (first.total === undefined) {
        first.consume();
        await Promise.all([followNext(first, firstUrl, scope), ...rest]);
        return;
      }
      const shortPage = first.entries > 0 && first.entries < pageSize && first.total > first.entries;
      requestPages(first.total, shortPage ? first.entries : pageSize);
      const consumed = afterPendingIo().then(() => scope.aborted || first.consume());
      await Promise.all([consumed, ...rest]);
    }

    await allOrAbort(signal, (scope) => searches.map((search) => run(search, scope)));
  }

  return { searchAll };
}
