import { formatDollars } from '@/components/ui/format';
import type { PeriodTotals } from '@/lib/claims/dashboard-series';

/** Billed, Medicare paid and what the beneficiary may have paid, each with one line saying what it is. */
export function TotalsCards({ totals, periodLabel }: { totals: PeriodTotals; periodLabel: string }) {
  const cards = [
    {
      label: 'Billed by your providers',
      value: totals.billed,
      explanation: 'What doctors, hospitals and pharmacies charged. Medicare usually pays less than this.',
    },
    {
      label: 'Paid by Medicare',
      value: totals.medicarePaid,
      explanation: 'What Medicare, or your Medicare drug plan, paid for your care.',
    },
    {
      label: 'You may have paid',
      value: totals.youPaid,
      explanation: 'Your deductibles, coinsurance and copays: an estimate from your claims, not a bill.',
    },
  ];
  return (
    <section aria-labelledby="totals-title" className="mt-8">
      <h2 id="totals-title" className="text-2xl font-semibold">
        {periodLabel}: {totals.count.toLocaleString('en-US')} {totals.count === 1 ? 'claim' : 'claims'}
      </h2>
      <dl className="mt-4 grid gap-4 md:grid-cols-3">
        {cards.map((card) => (
          <div key={card.label} className="rounded-md border border-gray-400 p-4">
            <dt className="font-semibold">{card.label}</dt>
            <dd className="mt-1 text-3xl font-bold tabular-nums">{formatDollars(card.value)}</dd>
            <dd className="mt-2 text-muted">{card.explanation}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
