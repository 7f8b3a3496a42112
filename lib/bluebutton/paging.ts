import 'server-only';
import { allOrAbort, throwIfAborted } from './abort';
import { readBundlePage, type BundlePage } from './bundle-page';
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

/** What the pager knows of a page it hands over: its search, whether it is the first, `total` and entries. */
export interface PageInfo {
  search: SearchSpec;
  first: boolean;
  total: number | undefined;
  entries: number;
}

/** Receives each page as it arrives (the parsed Bundle, not kept by the pager). */
export type OnPage = (bundle: unknown, info: PageInfo) => void;

/** Reads every page of searches; pages are handed over as they arrive and not kept. */
export interface Pager {
  /** Fetches every page of every search; `onPage` receives each Bundle. The first failure aborts the rest. */
  searchAll(searches: readonly SearchSpec[], onPage: OnPage, signal?: AbortSignal): Promise<void>;
}

/** The links of a page that paging follows. */
type PageLinks = Pick<BundlePage, 'next' | 'self'>;

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

  async function searchAll(searches: readonly SearchSpec[], onPage: OnPage, signal?: AbortSignal) {
    /**
     * Reads one page. `take` gets it as soon as it is parsed and returns what paging needs of it; a parsed page
     * is never handed up a chain of promises (see transport.ts).
     */
    async function read<T>(url: string, scope: AbortSignal, take: (page: BundlePage) => T): Promise<T> {
      const taken = await limit(
        () => http.getJson(url, scope, stats, (body) => take(readBundlePage(body))),
        scope,
      );
      throwIfAborted(scope);
      stats.page();
      return taken;
    }
    const hand = (bundle: BundlePage, search: SearchSpec, first: boolean) =>
      onPage(bundle.raw, { search, first, total: bundle.total, entries: bundle.entries });

    /** Reads one page and hands it to `onPage`; returns its links only. */
    function page(url: string, search: SearchSpec, scope: AbortSignal): Promise<PageLinks> {
      return read(url, scope, (bundle) => {
        hand(bundle, search, false);
        return { next: bundle.next, self: bundle.self };
      });
    }

    async function followNext(first: PageLinks, search: SearchSpec, firstUrl: string, scope: AbortSignal) {
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
        bundle = await page(next, search, scope);
      }
    }

    /** Asks for every page after `first` by `startIndex`; undefined when `first` has no `total`. */
    function requestRest(first: Omit<BundlePage, 'raw'>, search: SearchSpec, scope: AbortSignal) {
      if (first.total === undefined) return undefined;
      // A first page shorter than asked (a server with a lower page cap) sets the step of the others.
      const shortPage = first.entries > 0 && first.entries < pageSize && first.total > first.entries;
      const step = shortPage ? first.entries : pageSize;
      const starts: number[] = [];
      for (let start = step; start < first.total; start += step) starts.push(start);
      reserve(starts.length);
      const urls = starts.map((start) => searchUrl(fhirBase, search, step, start));
      const rest = Promise.all(urls.map((url) => page(url, search, scope)));
      rest.catch(() => {}); // awaited by the caller; a throw from `onPage` aborts the scope first
      return rest;
    }

    async function run(search: SearchSpec, scope: AbortSignal): Promise<unknown> {
      reserve(1);
      const firstUrl = searchUrl(fhirBase, search, pageSize, 0);
      const { raw, ...first } = await read(firstUrl, scope, (bundle) => bundle);
      // The other pages are asked for before the first one is normalized.
      const rest = requestRest(first, search, scope);
      hand({ raw, ...first }, search, true);
      return rest ?? followNext(first, search, firstUrl, scope);
    }

    await allOrAbort(signal, (scope) => searches.map((search) => run(search, scope)));
  }

  return { searchAll };
}
