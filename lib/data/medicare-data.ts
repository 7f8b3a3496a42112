import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { sessionDataKey } from '@/lib/auth/server-session';
import { getSession } from '@/lib/auth/session';
import { getTokenManager } from '@/lib/auth/tokens';
import { createBlueButtonClient } from '@/lib/bluebutton/client';
import type { Demographics } from '@/lib/bluebutton/client';
import type { NormalizedData } from '@/lib/claims/normalized-data';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { getSecureStore } from '@/lib/store';
import { createSessionLoads, type Loaded, type LoadStatus, type SessionLoads } from './session-load';
import { sessionTokenSource } from './session-tokens';

/** A signed-in beneficiary's Medicare data, normalized, and when it was fetched from Blue Button. */
export interface MedicareData {
  data: NormalizedData;
  demographics: Demographics;
  /** Epoch ms. */
  fetchedAt: number;
  /** Fetched for this request, shared with a load already running, read from the cache, or (a refresh asked
   * for within the cooldown) read from the cache instead of fetching again. */
  source: Loaded<unknown>['source'];
}

// The cache entry is encrypted and authenticated under this session's key, so it is our own data: its shape
// is trusted rather than re-validated claim by claim.
const valueSchema = z.object({
  data: z.custom<NormalizedData>(
    (v) => typeof v === 'object' && v !== null && Array.isArray((v as NormalizedData).claims),
  ),
  demographics: z.enum(['shared', 'declined']),
});
type Value = z.infer<typeof valueSchema>;

const GLOBAL_KEY = Symbol.for('medicare-claims-dashboard.session-loads');
type GlobalWithLoads = typeof globalThis & { [GLOBAL_KEY]?: SessionLoads<Value> };

/** The process's one {@link SessionLoads}: route handlers and pages of every bundle share its in-flight map. */
function sessionLoads(): SessionLoads<Value> {
  const scope = globalThis as GlobalWithLoads;
  const config = getConfig();
  scope[GLOBAL_KEY] ??= createSessionLoads<Value>({
    store: getSecureStore(),
    key: sessionDataKey,
    valueSchema,
    ttlSeconds: config.dataCacheTtlSeconds,
    cooldownSeconds: config.dataRefreshCooldownSeconds,
  });
  return scope[GLOBAL_KEY];
}

/** The active session's id, or an {@link AppError} saying why there is none. */
export async function requireActiveSid(): Promise<string> {
  const session = await getSession();
  if (session.status === 'anonymous') throw new AppError('not_signed_in');
  if (session.status === 'ended') throw new AppError('reconnect_required', { reason: session.reason });
  return session.sid;
}

/**
 * The beneficiary's Patient, Coverage and every EOB page (the session is checked first): from the session's
 * encrypted cache, else from the one load running for the session, else from a new load (lib/data/session-load.ts).
 * `fresh` fetches again unless the last fetch is younger than the refresh cooldown. Failures are the
 * {@link AppError}s of the layers below.
 */
export async function loadMedicareData(
  options: { fresh?: boolean; signal?: AbortSignal } = {},
): Promise<MedicareData> {
  const sid = await requireActiveSid();
  const loaded = await sessionLoads().get(sid, options, async (report) => {
    const client = createBlueButtonClient({ tokens: sessionTokenSource(sid) });
    const { data, demographics } = await client.getAll({ onProgress: report });
    // Counts only: what could not be read may be PHI.
    if (data.unreadable > 0) log.warn('data.unreadable_resources', { count: data.unreadable });
    // Signed out while loading: nothing is kept for a session that has ended.
    if (!(await getTokenManager().get(sid)))
      throw new AppError('reconnect_required', { reason: 'session_expired' });
    return { data, demographics };
  });
  return { ...loaded.value, fetchedAt: loaded.fetchedAt, source: loaded.source };
}

/** {@link loadMedicareData} from the cache, once per server render. */
export const getMedicareData = cache(() => loadMedicareData());

/** Where the signed-in beneficiary's data load stands: for a progress indicator polling while a page waits. */
export async function getLoadStatus(): Promise<LoadStatus> {
  return sessionLoads().status(await requireActiveSid());
}
