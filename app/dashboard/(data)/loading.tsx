import { LoadProgress } from '@/components/dashboard/load-progress';

/** While a dashboard page waits for the beneficiary's data: how far the load has got, and the page's outline. */
export default function DashboardLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6" aria-busy="true">
      <LoadProgress />
      <div aria-hidden="true" className="mt-8 grid gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-28 animate-pulse rounded-md bg-gray-100" />
        ))}
      </div>
      <div aria-hidden="true" className="mt-10 h-80 animate-pulse rounded-md bg-gray-100" />
    </div>
  );
}
