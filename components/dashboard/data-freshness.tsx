/** `just now`, `5 minutes ago`, `2 hours ago`: the server cannot know the reader's time zone. */
function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
  const hours = Math.floor(minutes / 60);
  return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
}

/**
 * When the data shown was fetched from Medicare, and a "Refresh" (a GET form, so it works without scripts).
 * Within the refresh cooldown the server answers from the data it has, and says so.
 */
export function DataFreshness({
  ageMs,
  refreshedTooSoon,
  action,
  period,
}: {
  ageMs: number;
  refreshedTooSoon: boolean;
  action: string;
  period?: string;
}) {
  const time = ago(ageMs);
  return (
    <form method="get" action={action} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-muted">
      <p>
        Your information was fetched from Medicare {time}.{refreshedTooSoon && ' It is already up to date.'}
      </p>
      {period && <input type="hidden" name="period" value={period} />}
      <input type="hidden" name="fresh" value="1" />
      <button
        type="submit"
        className="rounded-md border border-gray-500 px-3 py-1 font-semibold text-foreground hover:bg-gray-50 print:hidden"
      >
        Refresh
      </button>
    </form>
  );
}
