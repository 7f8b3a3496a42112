import 'server-only';
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/errors';
import { NO_STORE } from '@/lib/http/api-route';
import { loadMedicareData, type MedicareData } from './medicare-data';

/** `?fresh=1` asks for the data to be fetched again; any other value of `fresh` than 1 or 0 is a bad request. */
export function wantsFresh(request: NextRequest): boolean {
  const fresh = request.nextUrl.searchParams.get('fresh');
  if (fresh === null || fresh === '0') return false;
  if (fresh === '1') return true;
  throw new AppError('bad_request', { message: 'Invalid parameter fresh: must be 1 or 0' });
}

/** The data for a route handler's request: `?fresh=1` honoured, the wait stopped when the client goes away. */
export function loadForRequest(request: NextRequest): Promise<MedicareData> {
  return loadMedicareData({ fresh: wantsFresh(request), signal: request.signal });
}

/**
 * A JSON answer derived from `loaded`, saying when the data was fetched and how this request got it:
 * `Data-Fetched-At` (ISO time), `Data-Age-Seconds`, and `Data-Source` (`loaded`, `joined` a load already
 * running, `cache`, or `cooldown`: a refresh asked for too soon after the last one, answered from the cache).
 */
export function dataJson(body: unknown, loaded: Pick<MedicareData, 'fetchedAt' | 'source'>): Response {
  return Response.json(body, { headers: dataHeaders(loaded) });
}

/** The headers of {@link dataJson}: no-store and the three `Data-*` headers. */
export function dataHeaders(loaded: Pick<MedicareData, 'fetchedAt' | 'source'>): Record<string, string> {
  const age = Math.max(0, Math.floor((Date.now() - loaded.fetchedAt) / 1000));
  return {
    ...NO_STORE,
    'Data-Fetched-At': new Date(loaded.fetchedAt).toISOString(),
    'Data-Age-Seconds': String(age),
    'Data-Source': loaded.source,
  };
}
