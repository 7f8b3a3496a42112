import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/errors';

/** `?fresh=1` bypasses the session's data cache; any other value of `fresh` is a bad request. */
export function wantsFresh(request: NextRequest): boolean {
  const fresh = request.nextUrl.searchParams.get('fresh');
  if (fresh === null || fresh === '0') return false;
  if (fresh === '1') return true;
  throw new AppError('bad_request', { message: 'Invalid parameter fresh: must be 1 or 0' });
}
