import { CLAIM_TYPE_CATALOGUE } from '@/lib/claims/catalogue';
import type { Summary } from '@/lib/claims/summary-types';
import { CLAIM_TYPES } from '@/lib/claims/types';

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The beneficiary's totals and claims by type, as a plain table (charts build on the same numbers). */
export function SummaryOverview({ summary, unreadable }: { summary: Summary; unreadable: number }) {
  if (summary.claims.count === 0) {
    return (
      <p className="mt-8 text-lg">No claims found yet. New claims usually appear a few weeks after care.</p>
    );
  }
  const { billed, medicarePaid, youPaid } = summary.totals;
  return (
    <section aria-labelledby="totals-heading" className="mt-8">
      <h2 id="totals-heading" className="text-2xl font-semibold">
        {summary.claims.count.toLocaleString('en-US')} claims
      </h2>
      <dl className="mt-4 grid gap-4 sm:grid-cols-3">
        {[
          ['Billed by providers', billed],
          ['Paid by Medicare', medicarePaid],
          ['You may have paid', youPaid],
        ].map(([label, value]) => (
          <div key={label} className="rounded-md border border-border p-4">
            <dt className="text-muted">{label}</dt>
            <dd className="text-2xl font-bold">{dollars.format(Number(value))}</dd>
          </div>
        ))}
      </dl>
      {unreadable > 0 && (
        <p className="mt-4" role="status">
          {unreadable} {unreadable === 1 ? 'claim' : 'claims'} couldn’t be read and{' '}
          {unreadable === 1 ? 'is' : 'are'} not counted here.
        </p>
      )}
      <table className="mt-6 w-full text-left">
        <caption className="sr-only">Claims by type</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2">
              Type of care
            </th>
            <th scope="col" className="py-2 text-right">
              Claims
            </th>
            <th scope="col" className="py-2 text-right">
              Medicare paid
            </th>
            <th scope="col" className="py-2 text-right">
              You may have paid
            </th>
          </tr>
        </thead>
        <tbody>
          {CLAIM_TYPES.filter((type) => summary.byType[type].count > 0).map((type) => (
            <tr key={type} className="border-b border-border">
              <th scope="row" className="py-2 font-normal">
                {CLAIM_TYPE_CATALOGUE[type].label}
              </th>
              <td className="py-2 text-right">{summary.byType[type].count}</td>
              <td className="py-2 text-right">{dollars.format(summary.byType[type].medicarePaid)}</td>
              <td className="py-2 text-right">{dollars.format(summary.byType[type].youPaid)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
