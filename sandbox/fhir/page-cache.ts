/**
 * Search pages kept for reuse. HAPI FHIR, behind BFD, reuses the results of an identical search for a while
 * (`reuseCachedSearchResultsForMillis`, 60 s by default); the sandbox keeps the serialized page and its gzip
 * for the same time, so repeated reads cost what a cached read costs the real servers, not a re-render on
 * this machine's cores. A page is cached per beneficiary data (a clock shift makes new data), version,
 * origin and query.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Lru } from '../data/lru';

const REUSE_MS = 60_000;
const LIMIT_BYTES = 256_000_000;
const GZIP_LEVEL = 1;
const gzipAsync = promisify(gzip);

/** A cached page: its bytes and, made once on first use, their gzip. */
export interface CachedPage {
  body: Uint8Array;
  gzipped(): Promise<Uint8Array>;
}

interface Entry extends CachedPage {
  at: number;
}

const pages = new Lru<string, Entry>(LIMIT_BYTES, (entry) => entry.body.length);
const dataIds = new WeakMap<object, number>();
let nextDataId = 1;

/** The cache key of a search: the beneficiary's data object, the version, the origin and the sorted query. */
export function pageKey(data: object, version: number, origin: string, path: string, query: URLSearchParams) {
  let id = dataIds.get(data);
  if (id === undefined) dataIds.set(data, (id = nextDataId++));
  const sorted = [...query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${id}|${version}|${origin}|${path}|${new URLSearchParams(sorted)}`;
}

/** The page cached under `key` within the reuse window. */
export function cachedPage(key: string, now: number): CachedPage | undefined {
  const entry = pages.get(key);
  return entry && now - entry.at < REUSE_MS ? entry : undefined;
}

/** Caches a page's bytes; returns the cached page. */
export function cachePage(key: string, body: Uint8Array, now: number): CachedPage {
  let compressed: Promise<Uint8Array> | undefined;
  const entry: Entry = {
    body,
    at: now,
    gzipped: () => (compressed ??= gzipAsync(body, { level: GZIP_LEVEL })),
  };
  pages.set(key, entry);
  return entry;
}

/** Forgets every cached page. */
export function clearPageCache(): void {
  pages.clear();
}
