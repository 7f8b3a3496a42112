import type { NextRequest } from 'next/server';
import { DataError } from './errors';

/** `?fresh=1` bypasses the session's data cache; any other value of `fresh` is a bad request. */
export function wantsFresh(request: NextRequest): boolean {
  const fresh = request.nextUrl.searchParams.get('fresh');
  if (fresh === null || fresh === '0') return false;
  if (fresh === '1') return true;
  throw new DataError('bad_request', 'Invalid parameter fresh: must be 1 or 0');
}
