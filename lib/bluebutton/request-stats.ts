import 'server-only';

/**
 * Counts what fetching cost: requests sent (retries and replays included), round trips (the longest chain of
 * requests each started after the previous one ended, i.e. how many network latencies the caller waited
 * for), retries, 401 replays and pages read. Planned paging keeps round trips at two for any claim count
 * that fits the concurrency bound, instead of one per page.
 */

/** The statistics of one client call. */
export interface RequestStats {
  requests: number;
  roundTrips: number;
  retries: number;
  replays: number;
  pages: number;
}

/** Records {@link RequestStats} as requests start and end. */
export interface StatsRecorder {
  /** A request starts; returns its depth, to be passed to `end`. */
  start(): number;
  end(depth: number): void;
  retry(): void;
  replay(): void;
  page(): void;
  snapshot(): RequestStats;
}

/** A fresh recorder. */
export function createStatsRecorder(): StatsRecorder {
  const stats: RequestStats = { requests: 0, roundTrips: 0, retries: 0, replays: 0, pages: 0 };
  return {
    start() {
      stats.requests += 1;
      return stats.roundTrips + 1;
    },
    end(depth) {
      stats.roundTrips = Math.max(stats.roundTrips, depth);
    },
    retry: () => void (stats.retries += 1),
    replay: () => void (stats.replays += 1),
    page: () => void (stats.pages += 1),
    snapshot: () => ({ ...stats }),
  };
}
