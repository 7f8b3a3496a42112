import { DataTable } from '@/components/ui/data-table';
import { formatDollars } from '@/components/ui/format';
import { ScrollBox } from '@/components/ui/scroll-box';
import { monthLabel } from '@/lib/claims/calendar';
import { describePartD, type PartDOutOfPocketResult } from '@/lib/claims/deductibles';

function monthName(month: string): string {
  return new Date(`${month}-15T12:00:00Z`).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
}

/** One year: the sentence, a meter against the limit, and the months that counted with the running total. */
function Year({ result }: { result: PartDOutOfPocketResult }) {
  const months: { month: string; amount: number; running: number }[] = [];
  for (const m of result.byMonth) {
    if (m.amount === 0) continue;
    const before = months.at(-1)?.running ?? 0;
    months.push({ ...m, running: Math.round((before + m.amount) * 100) / 100 });
  }
  return (
    <div className="rounded-md border border-gray-400 p-4">
      <h3 className="text-xl font-semibold">{result.year}</h3>
      <p className="mt-2">{describePartD(result)}</p>
      {result.reachedIn && (
        <p className="mt-1">
          You reached it in {monthName(result.reachedIn)}; after that, your plan paid the whole cost of
          covered drugs.
        </p>
      )}
      <p className="mt-2 text-lg">
        Counted toward the limit:{' '}
        <strong className="tabular-nums">{formatDollars(result.trueOutOfPocket)}</strong>
        {result.cap !== null && <> of {formatDollars(result.cap)}</>}
      </p>
      {result.cap !== null && (
        <meter
          className="mt-2 h-4 w-full"
          min={0}
          max={result.cap}
          value={Math.min(result.trueOutOfPocket, result.cap)}
          aria-label={`Drug costs counted toward the ${result.year} limit`}
        />
      )}
      {months.length === 0 ? (
        <p className="mt-3 text-muted">No drug costs counted in {result.year}.</p>
      ) : (
        <ScrollBox label={`Months that counted in ${result.year}`} className="mt-3">
          <DataTable
            caption={`Months that counted in ${result.year}`}
            rows={months}
            rowKey={(m) => m.month}
            columns={[
              { label: 'Month', value: (m) => monthLabel(m.month) },
              { label: 'Counted', kind: 'dollars', value: (m) => m.amount },
              { label: 'Total so far', kind: 'dollars', value: (m) => m.running },
            ]}
          />
        </ScrollBox>
      )}
    </div>
  );
}

/**
 * The Part D out-of-pocket total per year against the yearly limit, newest year first: what counted (what you
 * paid, what others paid for you, Extra Help) and in which months. docs/money.md "Part D out-of-pocket".
 */
export function PartDYears({ years }: { years: readonly PartDOutOfPocketResult[] }) {
  return (
    <section aria-labelledby="part-d-title" className="mt-10">
      <h2 id="part-d-title" className="text-2xl font-semibold">
        Yearly limit on drug costs (Part D)
      </h2>
      <p className="mt-1 text-muted">
        Since 2025, once what you pay for covered drugs in a year (with what others, such as Extra Help, pay
        for you) reaches the limit, you pay nothing more for them that year.
      </p>
      {years.length === 0 ? (
        <p className="mt-4">No prescriptions found yet.</p>
      ) : (
        <div className="mt-4 grid gap-4 lg:grid-cols-2">
          {years.map((result) => (
            <Year key={result.year} result={result} />
          ))}
        </div>
      )}
    </section>
  );
}
