import 'server-only';
import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { getMedicareData, loadMedicareData, type MedicareData } from './medicare-data';

/** A page's data, or the problem to show instead (with a reference that is also in the server's log). */
export type PageData =
  | { ok: true; value: MedicareData; /** How long ago the data was fetched, in ms. */ ageMs: number }
  | { ok: false; message: string; reference: string };

/**
 * The beneficiary's data for a server component: `fresh` asks for a refresh (within the cooldown the cache
 * answers). A beneficiary who must connect again is sent to the page that says why; Medicare being slow,
 * busy or unreadable becomes a message for the page; anything else (a bug) is thrown to the segment's
 * `error.tsx`.
 */
export async function getPageData(fresh = false): Promise<PageData> {
  try {
    const value = fresh ? await loadMedicareData({ fresh: true }) : await getMedicareData();
    return { ok: true, value, ageMs: Math.max(0, Date.now() - value.fetchedAt) };
  } catch (error) {
    if (!(error instanceof AppError) || error.status === 500) throw error;
    if (error.code === 'reconnect_required') redirect(`/auth/error?reason=${error.reason ?? 'unknown'}`);
    if (error.code === 'not_signed_in') redirect('/');
    const reference = randomUUID();
    // The code and the reference only: never the beneficiary's data.
    console.warn(`[page] data could not be loaded: ${error.code} (ref ${reference})`);
    return { ok: false, message: error.message, reference };
  }
}

/** Today's date on the server, `YYYY-MM-DD` (UTC), for periods and this year's figures. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
