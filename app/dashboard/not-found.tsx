import Link from 'next/link';

/** A dashboard page that does not exist, in the app's own look (status 404). */
export default function DashboardNotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold">We can’t find that page</h1>
      <p className="mt-4 text-lg">The address may be mistyped, or the page may have moved.</p>
      <p className="mt-6">
        <Link href="/dashboard" className="text-lg font-semibold text-accent underline">
          Go to your overview
        </Link>
      </p>
    </div>
  );
}
