import 'server-only';
import { redirect, unstable_rethrow } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { currentRequestId, newRequestId } from '@/lib/request-id';
import { getMedicareData, loadMedicareData, type MedicareData } from './medicare-data';

/** A page's data, or the problem to show instead (with a reference that is also in the server's log). */
export type PageData =
  | { ok: true; value: MedicareData; /** How long ago the data was fetched, in ms. */ ageMs: number }
  | { ok: false; message: string; reference: string };

/**
 * The beneficiary's data for a server component: `fresh` asks for a refresh (within the cooldown the cache
 * answers). A beneficiary who must connect again is sent to the page that says why; Medicare being slow,
 * busy or unreadable becomes a message for the page; anything else (a bug) is thrown to the segment's
 * `error.tsx`, with the request's correlation id as its reference.
 */
export async function getPageData(fresh = false): Promise<PageData> {
  try {
    const value = fresh ? await loadMedicareData({ fresh: true }) : await getMedicareData();
    return { ok: true, value, ageMs: Math.max(0, Date.now() - value.fetchedAt) };
  } catch (error) {
    unstable_rethrow(error);
    const unexpected = !(error instanceof AppError) || error.status === 500;
    if (!unexpected && error.code === 'reconnect_required')
      redirect(`/auth/error?reason=${error.reason ?? 'unknown'}`);
    if (!unexpected && error.code === 'not_signed_in') redirect('/');
    // The reference is the request's correlation id; the log has the error's class and code, never its data.
    const reference = (await currentRequestId()) ?? newRequestId();
    log[unexpected ? 'error' : 'warn']('page.data_failed', { requestId: reference, error });
    if (!unexpected) return { ok: false, message: error.message, reference };
    // error.tsx shows the digest: a new error per request, so that a load shared by requests keeps each id.
    throw Object.assign(new Error('Page data failed', { cause: error }), { digest: reference });
  }
}

/** Today's date on the server, `YYYY-MM-DD` (UTC), for periods and this year's figures. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
