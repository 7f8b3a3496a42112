'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useEffect } from 'react';

/**
 * An unexpected failure while rendering a dashboard page: a plain message, "Try again", and the reference that
 * is also in the server's log, so support can find what happened without any of the beneficiary's data in the
 * message. The reference is the error's digest: the request's correlation id when the data layer failed
 * (lib/data/page-data.ts), otherwise Next's digest, logged next to the correlation id (instrumentation.ts).
 */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const router = useRouter();
  useEffect(() => {
    document.title = 'Something went wrong · My Medicare claims';
  }, []);
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="mt-4 text-lg">We could not show this page. Your information is safe. Please try again.</p>
      <button
        type="button"
        onClick={retry}
        className="mt-6 rounded-md bg-accent px-5 py-3 text-lg font-semibold text-white hover:opacity-90"
      >
        Try again
      </button>
      {error.digest && (
        <p className="mt-6 text-muted">
          If it keeps happening, contact support and give this reference:{' '}
          <span className="font-mono">{error.digest}</span>
        </p>
      )}
    </div>
  );
}
