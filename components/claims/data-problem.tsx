import Link from 'next/link';

/**
 * What a dashboard page shows when Medicare data could not be loaded: the plain message, "Try again", and the
 * reference that is also in the server's log.
 */
export function DataProblem({ message, reference }: { message: string; reference: string }) {
  return (
    <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
      <h1 className="text-2xl font-bold">We couldn’t get your information</h1>
      <p className="mt-2" role="alert">
        {message}
      </p>
      <p className="mt-3">
        <Link href="?fresh=1" className="font-semibold text-accent underline">
          Try again
        </Link>
      </p>
      <p className="mt-3 text-muted">
        If it keeps happening, contact support and give this reference:{' '}
        <span className="font-mono">{reference}</span>
      </p>
    </div>
  );
}
