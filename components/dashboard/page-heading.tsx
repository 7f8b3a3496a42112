import { DataFreshness } from './data-freshness';

/** A dashboard page's title, when its data was fetched, and its Refresh. */
export function PageHeading({
  title,
  action,
  ageMs,
  refreshedTooSoon,
  period,
}: {
  title: string;
  action: string;
  ageMs: number;
  refreshedTooSoon: boolean;
  period?: string;
}) {
  return (
    <>
      <h1 className="text-3xl font-bold">{title}</h1>
      <div className="mt-4">
        <DataFreshness ageMs={ageMs} refreshedTooSoon={refreshedTooSoon} action={action} period={period} />
      </div>
    </>
  );
}
