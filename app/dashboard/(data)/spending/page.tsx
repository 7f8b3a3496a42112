import type { Metadata } from 'next';
import { ChartFigure } from '@/components/charts/chart-figure';
import { PaidByMonthFigure } from '@/components/charts/paid-by-month';
import { PAID_SERIES } from '@/components/charts/paid-series';
import { DataProblem } from '@/components/claims/data-problem';
import { PageHeading } from '@/components/dashboard/page-heading';
import { TotalsCards } from '@/components/dashboard/totals-cards';
import { PeriodSelect } from '@/components/dashboard/period-select';
import { DataTable } from '@/components/ui/data-table';
import { ScrollBox } from '@/components/ui/scroll-box';
import { CLAIM_TYPE_CATALOGUE } from '@/lib/claims/catalogue';
import { ClaimLink } from '@/components/claims/claim-link';
import { largestClaims } from '@/lib/claims/dashboard-lists';
import { monthlyByKind, paidOverTime, totalsFor, yearOverYear } from '@/lib/claims/dashboard-series';
import { parsePeriod, periodLabel, periodOptions, periodValue, yearsWithClaims } from '@/lib/claims/period';
import { getPageData, today } from '@/lib/data/page-data';

export const metadata: Metadata = { title: 'Spending · My Medicare claims' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SpendingPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const loaded = await getPageData(params.fresh === '1');
  if (!loaded.ok) return <DataProblem message={loaded.message} reference={loaded.reference} />;
  const { data, source } = loaded.value;
  const date = today();
  const period = parsePeriod(params.period, yearsWithClaims(data.claims));
  const label = periodLabel(period);
  const byKind = monthlyByKind(data.claims, period, date);
  const paid = paidOverTime(data.claims, period, date);
  const years = yearOverYear(data.claims);
  const largest = largestClaims(data.claims, period, date);
  const kindSeries = byKind.kinds.map((type) => ({
    key: type,
    name: CLAIM_TYPE_CATALOGUE[type].label,
    color: CLAIM_TYPE_CATALOGUE[type].color,
  }));
  return (
    <>
      <PageHeading
        title="Spending"
        ageMs={loaded.ageMs}
        refreshedTooSoon={source === 'cooldown'}
        action="/dashboard/spending"
        period={periodValue(period)}
      />
      <div className="mt-6">
        <PeriodSelect
          action="/dashboard/spending"
          value={periodValue(period)}
          options={periodOptions(data.claims)}
        />
      </div>
      {data.claims.length === 0 ? (
        <p className="mt-8 text-lg">No claims found yet. New claims usually appear a few weeks after care.</p>
      ) : (
        <>
          <TotalsCards totals={totalsFor(data.claims, period, date)} periodLabel={label} />
          <ChartFigure
            id="by-kind"
            title={`Spending by kind of care, month by month: ${label}`}
            description="What was paid each month (by Medicare and by you) for each kind of care. Untick a kind to hide it."
            chart={{
              rows: byKind.months.map((m) => ({ label: m.label, values: m.values })),
              series: kindSeries,
              stacked: true,
              toggleable: true,
            }}
            table={
              <DataTable
                caption="Spending by kind of care and month"
                rows={byKind.months}
                rowKey={(m) => m.month}
                columns={[
                  { label: 'Month', value: (m) => m.label },
                  ...byKind.kinds.map((type) => ({
                    label: CLAIM_TYPE_CATALOGUE[type].label,
                    kind: 'dollars' as const,
                    value: (m: (typeof byKind.months)[number]) => m.values[type],
                  })),
                ]}
              />
            }
          />
          <PaidByMonthFigure
            id="paid"
            title={`Medicare paid and you paid: ${label}`}
            description="Each month, what Medicare paid beside what you may have paid."
            months={paid}
          />
          <ChartFigure
            id="years"
            title="Year by year"
            description="Each calendar year side by side: what Medicare paid and what you may have paid."
            chart={{
              rows: years.map((y) => ({
                label: String(y.year),
                values: { medicarePaid: y.medicarePaid, youPaid: y.youPaid },
              })),
              series: PAID_SERIES,
            }}
            table={
              <DataTable
                caption="Totals by calendar year"
                rows={years}
                rowKey={(y) => String(y.year)}
                columns={[
                  { label: 'Year', value: (y) => String(y.year) },
                  { label: 'Claims', kind: 'count', value: (y) => y.count },
                  { label: 'Billed', kind: 'dollars', value: (y) => y.billed },
                  { label: 'Paid by Medicare', kind: 'dollars', value: (y) => y.medicarePaid },
                  { label: 'You may have paid', kind: 'dollars', value: (y) => y.youPaid },
                ]}
              />
            }
          />
          <section aria-labelledby="largest-title" className="mt-10">
            <h2 id="largest-title" className="text-2xl font-semibold">
              Largest claims: {label}
            </h2>
            <p className="mt-1 text-muted">The claims with the highest bills in this period.</p>
            <ScrollBox label="Largest claims" className="mt-4">
              {largest.length === 0 ? (
                <p>No claims in this period.</p>
              ) : (
                <DataTable
                  caption="Largest claims"
                  captionHidden
                  rows={largest}
                  rowKey={(c) => c.id}
                  columns={[
                    {
                      label: 'Date',
                      value: (c) => <ClaimLink id={c.id} date={c.serviceStart} label={c.label} />,
                    },
                    { label: 'Kind of care', value: (c) => c.label },
                    { label: 'Provider', value: (c) => c.provider ?? 'Not named' },
                    { label: 'Billed', kind: 'dollars', value: (c) => c.billed },
                    { label: 'Paid by Medicare', kind: 'dollars', value: (c) => c.medicarePaid },
                    { label: 'You may have paid', kind: 'dollars', value: (c) => c.youPaid },
                  ]}
                />
              )}
            </ScrollBox>
          </section>
        </>
      )}
    </>
  );
}
