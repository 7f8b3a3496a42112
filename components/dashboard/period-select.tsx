/**
 * Chooses the period shown, as a plain GET form: the period lives in the URL (`?period=12m`, `?period=2025`,
 * `?period=all`), so a view can be bookmarked, and the form works before any script has loaded.
 */
export function PeriodSelect({
  action,
  value,
  options,
}: {
  action: string;
  value: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 print:hidden">
      <div>
        <label htmlFor="period" className="block font-semibold">
          Show
        </label>
        <select
          id="period"
          name="period"
          defaultValue={value}
          className="mt-1 rounded-md border border-gray-500 bg-background px-3 py-2"
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md border border-gray-500 px-4 py-2 font-semibold hover:bg-gray-50"
      >
        Update
      </button>
    </form>
  );
}
