'use client';

import useSWR from 'swr';

type Status =
  | { state: 'idle' }
  | { state: 'loading'; pages: number; claims: number; expectedClaims: number | null }
  | { state: 'ready'; fetchedAt: number }
  | { state: 'failed'; message: string };

const count = (n: number) => n.toLocaleString('en-US');

async function fetchStatus(url: string): Promise<Status> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`load status ${response.status}`);
  return (await response.json()) as Status;
}

/** What the indicator says for a status. */
export function progressText(status: Status | null): string {
  if (!status || status.state === 'idle' || status.state === 'ready')
    return 'Getting your claims from Medicare…';
  if (status.state === 'failed') return status.message;
  if (status.expectedClaims === null) return 'Asking Medicare for your claims…';
  return `Loaded ${count(status.claims)} of ${count(status.expectedClaims)} claims`;
}

/**
 * While a page waits for the beneficiary's data, polls `GET /api/load-status` (docs/data-loading.md) with SWR and
 * says how far the load has got, politely to screen readers. The page's own render replaces it when the data is
 * there; a failed poll is simply tried again.
 */
export function LoadProgress({ intervalMs = 500 }: { intervalMs?: number }) {
  const { data: status = null } = useSWR<Status>('/api/load-status', fetchStatus, {
    refreshInterval: intervalMs,
    revalidateOnFocus: false,
    shouldRetryOnError: true,
  });
  const loading = status?.state === 'loading' && status.expectedClaims ? status : null;
  return (
    <div className="mt-8">
      <p role="status" aria-live="polite" className="text-lg font-semibold">
        {progressText(status)}
      </p>
      <progress
        className="mt-3 h-3 w-full max-w-xl"
        aria-label="Claims loaded"
        {...(loading ? { value: loading.claims, max: loading.expectedClaims ?? undefined } : {})}
      />
      <p className="mt-2 text-muted">A long history can take a few seconds the first time.</p>
    </div>
  );
}
