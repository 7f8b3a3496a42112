import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { sessionDataKey } from '@/lib/auth/server-session';
import { getSession } from '@/lib/auth/session';
import { createBlueButtonClient } from '@/lib/bluebutton/client';
import type { Demographics } from '@/lib/bluebutton/client';
import type { NormalizedData } from '@/lib/claims/normalized-data';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { getSecureStore } from '@/lib/store';
import { sessionTokenSource } from './session-tokens';

/** A signed-in beneficiary's Medicare data, normalized, and when it was fetched from Blue Button. */
export interface MedicareData {
  data: NormalizedData;
  demographics: Demographics;
  /** Epoch ms. */
  fetchedAt: number;
}

// The cache entry is encrypted and authenticated under this session's key, so it is our own data: its shape
// is trusted rather than re-validated claim by claim.
const cachedSchema = z.object({
  data: z.custom<NormalizedData>(
    (v) => typeof v === 'object' && v !== null && Array.isArray((v as NormalizedData).claims),
  ),
  demographics: z.enum(['shared', 'declined']),
  fetchedAt: z.number(),
});

/** The active session's id, or an {@link AppError} saying why there is none. */
export async function requireActiveSid(): Promise<string> {
  const session = await getSession();
  if (session.status === 'anonymous') throw new AppError('not_signed_in');
  if (session.status === 'ended') throw new AppError('reconnect_required', { reason: session.reason });
  return session.sid;
}

/**
 * Loads the beneficiary's Patient, Coverage and every EOB page (the session is checked first), from the
 * session's encrypted cache unless `fresh`. Failures are the {@link AppError}s of the layers below.
 */
export async function loadMedicareData(
  options: { fresh?: boolean; signal?: AbortSignal } = {},
): Promise<MedicareData> {
  const sid = await requireActiveSid();
  const store = getSecureStore();
  const key = sessionDataKey(sid, 'claims');
  if (!options.fresh) {
    const cached = await store.getJson(key, cachedSchema);
    if (cached) return cached;
  }
  const client = createBlueButtonClient({ tokens: sessionTokenSource(sid) });
  const { data, demographics } = await client.getAll(options.signal);
  // Counts only: what could not be read may be PHI.
  if (data.unreadable > 0) console.warn(`[data] ${data.unreadable} Medicare resource(s) could not be read`);
  const result: MedicareData = { data, demographics, fetchedAt: Date.now() };
  const ttl = getConfig().dataCacheTtlSeconds;
  if (ttl > 0) await store.setJson(key, result, ttl);
  return result;
}

/** {@link loadMedicareData} from the cache, once per server render. */
export const getMedicareData = cache(() => loadMedicareData());
