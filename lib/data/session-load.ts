import 'server-only';
import { z } from 'zod';
import { sleep, unlessAborted } from '@/lib/async';
import { APP_ERRORS, AppError, type AppErrorCode } from '@/lib/errors';
import { isReconnectReason } from '@/lib/reconnect-reasons';
import type { SecureStore } from '@/lib/store';

/**
 * One load of a session's Medicare data at a time, however many requests ask for it. In a process, concurrent
 * callers share one promise; across instances, the loader holds a store lock (bounded by its expiry) and the
 * others poll the store until its result is cached, then read it. Progress (pages and claims so far, claims
 * expected from each search's `total`) is written to the store as the load runs, so a status poll answered by
 * any instance can show it (docs/data-loading.md). Only a complete result is cached: a failed load leaves the
 * previous cache as it was and records its error code briefly, so the requests waiting for it fail too and the
 * next request starts again.
 */

/** How far a load has got. */
export interface LoadCounts {
  /** Search pages read so far (Patient, Coverage and EOB). */
  pages: number;
  /** Claims read so far. */
  claims: number;
  /** Claims expected: the sum of `total` over the EOB searches whose first page has arrived; null before any. */
  expectedClaims: number | null;
}

/** What the status poll reports: a load running or failed, the data ready, or nothing yet. */
export type LoadStatus =
  | ({ state: 'loading'; startedAt: number } & LoadCounts)
  | { state: 'failed'; code: AppErrorCode; message: string; failedAt: number }
  | { state: 'ready'; fetchedAt: number; refreshAvailableAt: number }
  | { state: 'idle' };

/** A cached result, and whether this call loaded it, joined a load, or read the cache. */
export interface Loaded<T> {
  value: T;
  /** Epoch ms when the data was fetched from Blue Button. */
  fetchedAt: number;
  /** `cache`: read from the cache; `cooldown`: a refresh asked for too soon after the last one. */
  source: 'loaded' | 'joined' | 'cache' | 'cooldown';
}

/** Options of {@link createSessionLoads}. */
export interface SessionLoadsOptions<T> {
  store: SecureStore;
  /** The store key of one of a session's records (`cache`, `progress`, `lock`). */
  key: (sid: string, name: 'cache' | 'progress' | 'lock') => string;
  /** Checks a cached value read back from the store. */
  valueSchema: z.ZodType<T>;
  /** How long a result is kept; 0 keeps nothing (concurrent callers in one process still share a load). */
  ttlSeconds: number;
  /** A refresh within this many seconds of the last fetch answers with the cached data instead. */
  cooldownSeconds: number;
  /** The cross-instance lock's lifetime: longer than any load; frees the lock if its holder dies. */
  lockTtlMs?: number;
  /** How long a caller waits for another instance's load before giving up. */
  waitMs?: number;
  /** How often a waiting caller looks at the store. */
  pollMs?: number;
  /** The shortest time between two progress writes. */
  progressEveryMs?: number;
  now?: () => number;
}

/** Runs one load: reports progress as it goes and returns the value to cache. */
export type LoadFn<T> = (report: (counts: LoadCounts) => void) => Promise<T>;

/** Loads of sessions' data, shared by every caller of one session. */
export interface SessionLoads<T> {
  /**
   * The session's data: the cache when present (and, for `fresh`, older than the cooldown), else the load
   * running for the session, else a new load by `load`. `signal` stops this caller's wait, not the load.
   */
  get(sid: string, options: { fresh?: boolean; signal?: AbortSignal }, load: LoadFn<T>): Promise<Loaded<T>>;
  /** Where the session's load stands, from the store (any instance can answer). */
  status(sid: string): Promise<LoadStatus>;
}

const countsSchema = z.object({
  pages: z.number(),
  claims: z.number(),
  expectedClaims: z.number().nullable(),
});
const progressSchema = z.discriminatedUnion('state', [
  countsSchema.extend({ state: z.literal('loading'), startedAt: z.number() }),
  z.object({
    state: z.literal('failed'),
    code: z.enum(Object.keys(APP_ERRORS) as [AppErrorCode, ...AppErrorCode[]]),
    reason: z.string().optional(),
    failedAt: z.number(),
  }),
]);
type Progress = z.infer<typeof progressSchema>;

/** `promise`, or `cancelled` as soon as this caller's `signal` fires (the promise keeps running for others). */
function waitFor<V>(promise: Promise<V>, signal: AbortSignal | undefined): Promise<V> {
  return unlessAborted(promise, signal).catch((error: unknown) => {
    throw signal?.aborted ? new AppError('cancelled') : error;
  });
}

/** The error of a load that failed on another instance, as its waiters throw it. */
function failure({ code, reason }: { code: AppErrorCode; reason?: string }): AppError {
  if (code !== 'reconnect_required') return new AppError(code);
  return new AppError(code, { reason: isReconnectReason(reason) ? reason : 'unknown' });
}

/** The cache and progress can be fetched again: a store short of room drops them before a session's tokens. */
const EVICTABLE = { evictable: true } as const;

/** A failure is remembered this long, so that waiters on other instances see it. */
const FAILED_MEMORY_SECONDS = 30;

/** Creates the loads of one kind of session data. */
export function createSessionLoads<T>(options: SessionLoadsOptions<T>): SessionLoads<T> {
  const { store, key, ttlSeconds, cooldownSeconds } = options;
  const {
    lockTtlMs = 90_000,
    waitMs = 60_000,
    pollMs = 100,
    progressEveryMs = 200,
    now = Date.now,
  } = options;
  const cachedSchema = z.object({ value: options.valueSchema, fetchedAt: z.number() });
  const inflight = new Map<string, Promise<Loaded<T>>>();

  const readCache = (sid: string) => store.getJson(key(sid, 'cache'), cachedSchema);
  const readProgress = (sid: string) => store.getJson(key(sid, 'progress'), progressSchema);
  const inCooldown = (fetchedAt: number) => now() - fetchedAt < cooldownSeconds * 1000;

  /** Runs `load` under the lock: progress to the store as it goes, the result to the cache at the end. */
  async function loadLocked(sid: string, load: LoadFn<T>): Promise<Loaded<T>> {
    const progressKey = key(sid, 'progress');
    const startedAt = now();
    let written = Promise.resolve();
    let lastWrite = 0;
    let latest: LoadCounts = { pages: 0, claims: 0, expectedClaims: null };
    const write = (progress: Progress, ttl = lockTtlMs / 1000) => {
      // Writes go out in order; a failed progress write never fails the load.
      written = written.then(() =>
        store.setJson(progressKey, progress, ttl, EVICTABLE).catch(() => undefined),
      );
      return written;
    };
    const report = (counts: LoadCounts) => {
      latest = counts;
      if (now() - lastWrite < progressEveryMs) return;
      lastWrite = now();
      void write({ state: 'loading', startedAt, ...counts });
    };
    void write({ state: 'loading', startedAt, ...latest });
    try {
      const value = await load(report);
      const fetchedAt = now();
      if (ttlSeconds > 0) await store.setJson(key(sid, 'cache'), { value, fetchedAt }, ttlSeconds, EVICTABLE);
      await written;
      await store.delete(progressKey);
      return { value, fetchedAt, source: 'loaded' };
    } catch (error) {
      const { code = 'internal', reason } = error instanceof AppError ? error : {};
      await write({ state: 'failed', code, reason, failedAt: now() }, FAILED_MEMORY_SECONDS);
      throw error;
    }
  }

  /** A load for the whole session: this instance's if it gets the lock, else another's, waited for. */
  async function loadShared(sid: string, load: LoadFn<T>, newerThan: number): Promise<Loaded<T>> {
    const startedAt = now();
    for (;;) {
      const lock = await store.tryLock(key(sid, 'lock'), lockTtlMs);
      if (lock) {
        try {
          // Another instance may have finished between our look at the cache and taking the lock.
          const cached = await readCache(sid);
          if (cached && cached.fetchedAt > newerThan) return { ...cached, source: 'joined' };
          return await loadLocked(sid, load);
        } finally {
          await lock.release().catch(() => undefined);
        }
      }
      await sleep(pollMs);
      const [cached, progress] = await Promise.all([readCache(sid), readProgress(sid)]);
      if (cached && cached.fetchedAt > newerThan) return { ...cached, source: 'joined' };
      if (progress?.state === 'failed' && progress.failedAt >= startedAt) throw failure(progress);
      if (now() - startedAt >= waitMs) throw new AppError('medicare_unavailable');
    }
  }

  return {
    async get(sid, { fresh = false, signal }, load) {
      if (signal?.aborted) throw new AppError('cancelled');
      const running = inflight.get(sid);
      if (running) return { ...(await waitFor(running, signal)), source: 'joined' };
      const cached = await readCache(sid);
      if (cached && !fresh) return { ...cached, source: 'cache' };
      if (cached && inCooldown(cached.fetchedAt)) return { ...cached, source: 'cooldown' };
      let pending = inflight.get(sid);
      if (!pending) {
        const started = loadShared(sid, load, cached?.fetchedAt ?? -Infinity).finally(() => {
          if (inflight.get(sid) === started) inflight.delete(sid);
        });
        inflight.set(sid, started);
        pending = started;
      } else {
        pending = pending.then((loaded) => ({ ...loaded, source: 'joined' as const }));
      }
      return waitFor(pending, signal);
    },
    async status(sid) {
      const [progress, cached] = await Promise.all([readProgress(sid), readCache(sid)]);
      if (progress?.state === 'loading') return progress;
      if (progress?.state === 'failed') {
        const { code, failedAt } = progress;
        return { state: 'failed', code, message: APP_ERRORS[code].message, failedAt };
      }
      if (cached) {
        const refreshAvailableAt = cached.fetchedAt + cooldownSeconds * 1000;
        return { state: 'ready', fetchedAt: cached.fetchedAt, refreshAvailableAt };
      }
      return { state: 'idle' };
    },
  };
}
